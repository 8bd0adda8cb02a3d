// swift-tools-version:6.0
import PackageDescription

// One SwiftPM target per analyzer module under Sources/Plugins/<Name>.
// Adding an analyzer: add its target here and to `pluginTargets`, then one line in
// Sources/AnalyzeDriver/BuiltinAnalyzers.swift. `scripts/new-analyzer NAME` does the layout.
let pluginTargets: [(name: String, folder: String, resources: [Resource])] = [
    ("StatsPlugin", "Stats", []),
    ("KeywordsPlugin", "Keywords", [.copy("Resources/reference.bin")]),
    ("FactsPlugin", "Facts", []),
    ("SlogansPlugin", "Slogans", [.copy("Resources/formulations.tsv")]),
    ("SectionsPlugin", "Sections", [.copy("Resources/themes.tsv")]),
]

let package = Package(
    name: "analyze",
    products: [
        .library(name: "AnalyticsCore", targets: ["AnalyticsCore"]),
        .library(name: "AnalyzerPlugins", targets: pluginTargets.map { $0.name } + ["AnalyzeDriver"]),
        .executable(name: "analyze", targets: ["analyze"]),
    ],
    targets: [
        .target(name: "AnalyticsCore", dependencies: ["MemoryHints"], resources: [.copy("Resources/lexicon.bin")]),
        // A C prefetch hint (Swift has none) for the segmenter's trie walk.
        .target(name: "MemoryHints"),
        .target(
            name: "AnalyzeDriver",
            dependencies: ["AnalyticsCore"] + pluginTargets.map { .target(name: $0.name) }
        ),
        .executableTarget(name: "analyze", dependencies: ["AnalyzeDriver"]),
        // Throughput benchmark of the segmenter (scripts/bench-segment.py runs it).
        .executableTarget(name: "analyze-bench", dependencies: ["AnalyticsCore", "AnalyzeDriver"]),
        // libFuzzer target with -DFUZZING -sanitize=fuzzer (scripts/fuzz.sh), a crasher replayer without.
        .executableTarget(name: "analyze-fuzz", dependencies: ["AnalyzeDriver"]),
        .testTarget(name: "AnalyticsCoreTests", dependencies: ["AnalyticsCore"]),
        .testTarget(
            name: "AnalyzeDriverTests",
            dependencies: ["AnalyzeDriver", "AnalyticsCore"] + pluginTargets.map { .target(name: $0.name) },
            exclude: ["Golden", "FuzzCrashers"]
        ),
    ] + pluginTargets.map {
        .target(
            name: $0.name,
            dependencies: ["AnalyticsCore"],
            path: "Sources/Plugins/\($0.folder)",
            resources: $0.resources
        )
    }
)
