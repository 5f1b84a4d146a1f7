package org.zeri.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

private val Light = lightColorScheme(
    primary = Color(0xFF0B4F8A),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFD4E4F7),
    onPrimaryContainer = Color(0xFF062B4D),
    secondary = Color(0xFF155D2C),
    onSecondary = Color.White,
    error = Color(0xFFA4161A),
    onError = Color.White,
    errorContainer = Color(0xFFFDECEA),
    onErrorContainer = Color(0xFF5C0B0D),
    background = Color(0xFFF7F9FB),
    surface = Color.White,
    onSurface = Color(0xFF1B1F24),
    onSurfaceVariant = Color(0xFF4A5561),
)

private val Dark = darkColorScheme(
    primary = Color(0xFF9CC7F0),
    onPrimary = Color(0xFF062B4D),
    primaryContainer = Color(0xFF0B4F8A),
    onPrimaryContainer = Color(0xFFD4E4F7),
    secondary = Color(0xFF8FD3A5),
    onSecondary = Color(0xFF06311A),
    error = Color(0xFFFFB4AB),
    onError = Color(0xFF690005),
    errorContainer = Color(0xFF93000A),
    onErrorContainer = Color(0xFFFFDAD6),
    background = Color(0xFF111417),
    surface = Color(0xFF181C20),
    onSurface = Color(0xFFE1E3E6),
    onSurfaceVariant = Color(0xFFC0C7CF),
)

/** Zëri's colours, light or dark as the phone is set; text sizes follow the phone's font scale. */
@Composable
fun ZeriTheme(dark: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
