// The Zëri Android app. Open this folder in Android Studio, or run ./gradlew installDebug once the
// wrapper is made (README.md, "Build and run").
pluginManagement {
    // R8 (and D8) for Kotlin 2.4's metadata, newer than the one AGP 8.13 bundles: see
    // gradle/libs.versions.toml. The settings' classpath comes before AGP's own, so this one is
    // used. Its version is the catalog's `r8` (scripts/check-android-versions holds them equal;
    // the catalog cannot be read here).
    buildscript {
        repositories { google() }
        dependencies { classpath("com.android.tools:r8:9.1.57") }
    }
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "Zeri"
include(":core", ":ui", ":app")
