import org.jetbrains.kotlin.gradle.dsl.JvmTarget

// The Zëri app: the Android glue around the core and the screens. Activity, connectivity,
// background sending and refreshing, notifications, push wake-ups, storage, permissions, photos,
// deep links.
plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

android {
    namespace = "org.zeri.app"
    compileSdk = libs.versions.compileSdk.get().toInt()
    defaultConfig {
        applicationId = "org.zeri.app"
        minSdk = libs.versions.minSdk.get().toInt()
        targetSdk = libs.versions.targetSdk.get().toInt()
        versionCode = 1
        versionName = "0.1.0"
        // JNA ships libjnidispatch.so for more ABIs than the core is built for.
        ndk { abiFilters += providers.gradleProperty("zeri.abis").get().split(",") }
        // The server the app talks to; trainers point a phone elsewhere with a zeri://server link.
        buildConfigField("String", "ZERI_SERVER", "\"https://zeri.rks-gov.net\"")
        // The Firebase project that sends push wake-ups, from gradle properties (for example in
        // ~/.gradle/gradle.properties); without them the app learns of changes by refreshing.
        for ((field, property) in listOf(
            "FCM_PROJECT_ID" to "zeri.fcm.projectId",
            "FCM_APP_ID" to "zeri.fcm.appId",
            "FCM_API_KEY" to "zeri.fcm.apiKey",
            "FCM_SENDER_ID" to "zeri.fcm.senderId",
        )) {
            buildConfigField("String", field, "\"" + providers.gradleProperty(property).getOrElse("") + "\"")
        }
    }
    buildTypes {
        debug {
            // The emulator reaches the developer's machine at 10.0.2.2 (./scripts/run serves there).
            buildConfigField("String", "ZERI_SERVER", "\"http://10.0.2.2:8080\"")
        }
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"))
        }
    }
    sourceSets["main"].java.srcDirs("src/main/kotlin")
    buildFeatures {
        compose = true
        buildConfig = true
    }
    packaging { jniLibs { useLegacyPackaging = false } }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

// Bytecode for Java 17, compiled by whichever JDK runs Gradle (Android Studio bundles 21).
kotlin { compilerOptions { jvmTarget.set(JvmTarget.JVM_17) } }

dependencies {
    implementation(project(":ui"))
    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.lifecycle.runtime.compose)
    implementation(libs.androidx.lifecycle.viewmodel.compose)
    implementation(libs.androidx.lifecycle.process)
    implementation(libs.androidx.work.runtime)
    implementation(libs.firebase.messaging)
    implementation(libs.androidx.exifinterface)
    implementation(libs.okhttp)
}
