// swift-tools-version:6.0
import PackageDescription

import Foundation

// One SwiftPM target per analyzer module, derived from the folders Sources/Plugins/<Name>: the
// target is <Name>Plugin, every file in the folder's Resources/ is copied into its bundle, and an
// `import <Other>Plugin` in its sources makes it depend on that plugin's target (so an analyzer
// can require another plugin's analyzer and read its typed result). Nothing to edit here for a
// new analyzer: `scripts/new-analyzer NAME` lays out the folder and registers it.
//
// SwiftPM caches what this file computes until its text changes, so a new folder, a first
// Resources folder or a new `import XPlugin` would go unseen; scripts/register-analyzers (which the scaffold runs) keeps the
// line below up to date, and its change makes SwiftPM read this file again.
// registered plugins: Facts (resources); Keywords (resources) <- Sections; Sections (resources); Slogans (resources); Stats; Terms (resources)
let pluginsFolder = Context.packageDirectory + "/Sources/Plugins"
let pluginFolders = ((try? FileManager.default.contentsOfDirectory(atPath: pluginsFolder)) ?? [])
    .filter { !$0.hasPrefix(".") }
    .sorted()

/// `import XPlugin` lines of a plugin's Swift files, for the plugins that exist.
func pluginImports(of folder: String) -> [String] {
    let known = Set(pluginFolders.map { $0 + "Plugin" })
    var found: Set<String> = []
    let files = (try? FileManager.default.subpathsOfDirectory(atPath: pluginsFolder + "/" + folder)) ?? []
    for file in files where file.hasSuffix(".swift") {
        guard let text = try? String(contentsOfFile: pluginsFolder + "/" + folder + "/" + file, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").filter { !$0.isEmpty && !$0.hasPrefix("@") }
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
            let module = String(words[index + 1])
            if known.contains(module) && module != folder + "Plugin" { found.insert(module) }
        }
    }
    return found.sorted()
}

let pluginTargets: [(name: String, folder: String, resources: [Resource], dependencies: [String])] = pluginFolders.map { folder in
    // The folder as one rule, not a rule per file: SwiftPM caches this manifest's result until
    // Package.swift changes, but finds the files under a rule's folder anew at every build, so a
    // data file added later is bundled without touching this file. `process` puts them at the
    // bundle's top level, where ResourceLocator looks.
    var isDirectory: ObjCBool = false
    let hasResources = FileManager.default.fileExists(atPath: pluginsFolder + "/" + folder + "/Resources", isDirectory: &isDirectory) && isDirectory.boolValue
    let resources: [Resource] = hasResources ? [.process("Resources")] : []
    return (folder + "Plugin", folder, resources, pluginImports(of: folder))
}

let package = Package(
    name: "analyze",
    products: [
        .library(name: "AnalyticsCore", targets: ["AnalyticsCore"]),
        .library(name: "AnalyzerPlugins", targets: pluginTargets.map { $0.name } + ["AnalyzeDriver"]),
        .executable(name: "analyze", targets: ["analyze"]),
    ],
    targets: [
        .target(name: "AnalyticsCore", dependencies: ["MemoryHints"], resources: [.copy("Resources/lexicon.bin"), .copy("Resources/pos-tagger.bin"), .copy("Resources/numeral-idioms.txt")]),
        // A C prefetch hint (Swift has none) for the segmenter's trie walk.
        .target(name: "MemoryHints"),
        .target(
            name: "AnalyzeDriver",
            dependencies: ["AnalyticsCore"] + pluginTargets.map { .target(name: $0.name) },
            resources: [.copy("Resources/indicators.tsv"), .copy("Resources/policy-heads.txt"), .copy("Resources/generic-indicator-heads.txt")] // trends: one name per indicator; policy head nouns (issue 19)
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
            dependencies: ["AnalyticsCore"] + $0.dependencies.map { .target(name: $0) },
            path: "Sources/Plugins/\($0.folder)",
            resources: $0.resources
        )
    }
)
