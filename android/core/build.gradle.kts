import org.jetbrains.kotlin.gradle.dsl.JvmTarget

// The core bridge for Android: the Kotlin Core and its effect handlers (src/main/kotlin), the
// generated types and uniffi bindings (src/generated/kotlin), and the Rust library built for
// each Android ABI by cargo-ndk. The same sources are tested on the JVM with Maven (pom.xml):
// those tests live in src/jvmTest, which no Android source set reads, since they start a
// zeri-server and load the host's library.
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
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    // The generated bindings' guarded use of java.lang.ref.Cleaner (see lint.xml).
    lint { lintConfig = file("lint.xml") }
}

// Bytecode for Java 17, compiled by whichever JDK runs Gradle (Android Studio bundles 21).
kotlin { compilerOptions { jvmTarget.set(JvmTarget.JVM_17) } }

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
    // Everything the crate reads when it compiles: its sources, the protocol's, the messages,
    // the reference data compiled in, and the manifests.
    for (dir in listOf("shared/src", "shared/locales", "protocol/src", "protocol/locales", "data/kosovo")) {
        inputs.dir(File(workspace, dir))
    }
    for (file in listOf("Cargo.lock", "Cargo.toml", "shared/Cargo.toml", "protocol/Cargo.toml")) {
        inputs.file(File(workspace, file))
    }
    outputs.dir(rustJniLibs)
    environment("RUSTFLAGS", "-C link-arg=-Wl,-z,max-page-size=16384")
    val abis = providers.gradleProperty("zeri.abis").get().split(",")
    commandLine(
        listOf("cargo", "ndk", "--platform", libs.versions.minSdk.get()) +
            abis.flatMap { listOf("-t", it) } +
            listOf("-o", rustJniLibs.get().asFile.path) +
            listOf("build", "--release", "--locked", "-p", "shared", "--lib"),
    )
}

tasks.named("preBuild") { dependsOn(cargoBuild) }
