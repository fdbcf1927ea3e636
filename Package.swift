// swift-tools-version:6.0
import PackageDescription

/// Experiment modules: one target per paper under `Experiments/<Name>`, each with a test target
/// `Tests/<Name>Tests`. Adding an experiment means adding its name here and one line to
/// `ExperimentRegistry` in WorkbenchCLI.
let experimentModules: [String] = [
    "ConservationLaws",
    "DiffusionDiscretization",
    "TokenSampleComplexity",
    "ResNetODE",
    "AttentionLipschitz",
]

let package = Package(
    name: "workbench",
    products: [
        .executable(name: "workbench", targets: ["workbench"])
    ],
    targets: [
        // MARK: - System libraries (Debian: libopenblas-dev, libsqlite3-dev)
        .systemLibrary(
            name: "CLinearAlgebra", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // MARK: - Libraries
        /// The softmax exponential pass, compiled per instruction set and chosen at run time.
        .target(name: "CVectorExponential"),
        .target(name: "WorkbenchNumerics", dependencies: ["CLinearAlgebra", "CVectorExponential"]),
        .target(name: "WorkbenchStore", dependencies: ["CSQLite3"]),
        .target(name: "WorkbenchCore", dependencies: ["WorkbenchNumerics", "WorkbenchStore"]),
        .target(
            name: "WorkbenchCLI",
            dependencies: ["WorkbenchCore", "WorkbenchStore", "WorkbenchNumerics"]
                + experimentModules.map { .target(name: $0) }),

        // MARK: - Executables
        .executableTarget(name: "workbench", dependencies: ["WorkbenchCLI", "WorkbenchCore", "WorkbenchNumerics"]),
        /// Test-only CLI that also registers the fixture experiment used by the runner tests.
        .executableTarget(
            name: "workbench-fixture", dependencies: ["WorkbenchCLI", "WorkbenchCore", "WorkbenchTestFixtures"],
            path: "Tests/Fixtures/workbench-fixture"),
        .executableTarget(
            name: "workbench-bench", dependencies: ["WorkbenchCore", "WorkbenchStore", "WorkbenchNumerics"],
            path: "Tests/Benchmarks/workbench-bench"),

        // MARK: - Test support and tests
        .target(
            name: "WorkbenchTestFixtures", dependencies: ["WorkbenchCore", "WorkbenchStore", "WorkbenchNumerics"],
            path: "Tests/Fixtures/WorkbenchTestFixtures"),
        .testTarget(name: "WorkbenchNumericsTests", dependencies: ["WorkbenchNumerics"]),
        .testTarget(name: "WorkbenchStoreTests", dependencies: ["WorkbenchStore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "WorkbenchCoreTests",
            dependencies: ["WorkbenchCore", "WorkbenchNumerics", "WorkbenchStore", "WorkbenchTestFixtures"]),
        .testTarget(
            name: "WorkbenchCLITests",
            dependencies: ["WorkbenchCLI", "WorkbenchCore", "WorkbenchStore", "WorkbenchTestFixtures"]),
    ]
        + experimentModules.map {
            .target(
                name: $0, dependencies: ["WorkbenchCore", "WorkbenchNumerics"],
                path: "Experiments/\($0)")
        }
        + experimentModules.map {
            .testTarget(
                name: "\($0)Tests",
                dependencies: [
                    .target(name: $0), "WorkbenchCore", "WorkbenchNumerics", "WorkbenchStore", "WorkbenchTestFixtures",
                ])
        }
)
