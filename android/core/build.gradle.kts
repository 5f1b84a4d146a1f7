// The core bridge for Android: the Kotlin Core and its effect handlers (src/main/kotlin), the
// generated types and uniffi bindings (src/generated/kotlin), and the Rust library built for
// each Android ABI by cargo-ndk. The same sources are tested on the JVM with Maven (pom.xml).
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

val rustJniLibs = layout.buildDirectory.dir("rustJniLibs")

android {
    namespace = "org.zeri.core"
    compileSdk = libs.versions.compileSdk.get().toInt()
    defaultConfig {
        minSdk = libs.versions.minSdk.get().toInt()
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].apply {
        java.srcDirs("src/main/kotlin", "src/generated/kotlin")
        jniLibs.srcDir(rustJniLibs)
    }
    // The JVM tests (src/test) start a zeri-server and load the host library: Maven runs them.
    sourceSets["test"].java.setSrcDirs(emptyList<String>())
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin { jvmToolchain(17) }

dependencies {
    api(libs.kotlinx.coroutines.android)
    implementation(libs.okhttp)
    implementation("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
}

/**
 * Builds libshared.so for the phone ABIs with cargo-ndk (`cargo install cargo-ndk`; the
 * Android NDK from Android Studio's SDK manager), 16 KB page-aligned as Android 15 requires.
 */
val cargoBuild by tasks.registering(Exec::class) {
    val workspace = rootDir.parentFile
    workingDir = workspace
    inputs.dir(File(workspace, "shared/src"))
    inputs.file(File(workspace, "Cargo.lock"))
    outputs.dir(rustJniLibs)
    environment("RUSTFLAGS", "-C link-arg=-Wl,-z,max-page-size=16384")
    commandLine(
        "cargo", "ndk", "--platform", libs.versions.minSdk.get(),
        "-t", "arm64-v8a", "-t", "armeabi-v7a", "-t", "x86_64",
        "-o", rustJniLibs.get().asFile.path,
        "build", "--release", "--locked", "-p", "shared", "--lib",
    )
}

tasks.named("preBuild") { dependsOn(cargoBuild) }
