import AnalyticsCore
import FactsPlugin
import KeywordsPlugin
import SectionsPlugin
import SlogansPlugin
import StatsPlugin
import TermsPlugin

/// The single list of built-in analyzers. Adding an analyzer means adding one line here
/// (and its target in Package.swift); a test fails if a folder in Sources/Plugins is missing.
public enum BuiltinAnalyzers {
    public static let all: [any Analyzer.Type] = [
        StatsAnalyzer.self,
        KeywordsAnalyzer.self,
        FactsAnalyzer.self,
        SlogansAnalyzer.self,
        SectionsAnalyzer.self,
        TermsAnalyzer.self,
    ]

    public static var registry: AnalyzerRegistry { AnalyzerRegistry(all) }
}
