import org.jetbrains.kotlin.gradle.dsl.JvmTarget

// The app's screens: stateless Compose that draws the core's view model. They use no
// Android-only API, so the same sources also build for the desktop JVM (pom.xml), where they
// are rendered to the screenshots in docs/android by the tests in src/jvmTest (Maven only: no
// Android source set reads that folder).
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

android {
    namespace = "org.zeri.ui"
    compileSdk = libs.versions.compileSdk.get().toInt()
    defaultConfig { minSdk = libs.versions.minSdk.get().toInt() }
    sourceSets["main"].java.srcDirs("src/main/kotlin")
    buildFeatures { compose = true }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

// Bytecode for Java 17, compiled by whichever JDK runs Gradle (Android Studio bundles 21).
kotlin { compilerOptions { jvmTarget.set(JvmTarget.JVM_17) } }

dependencies {
    api(project(":core"))
    val bom = platform(libs.androidx.compose.bom)
    api(bom)
    api(libs.androidx.compose.ui)
    api(libs.androidx.compose.foundation)
    api(libs.androidx.compose.material3)
}
