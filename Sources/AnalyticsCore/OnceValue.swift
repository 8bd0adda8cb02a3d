import Foundation

/// A value computed on first use, once, whoever asks first: for work that not every run needs
/// (the number scan of a document, a scan of the lexicon's IDF table). Thread-safe, since
/// analyzers of one document run concurrently; the others wait for the first.
public final class OnceValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private let compute: @Sendable () -> Value

    public init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
    }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = compute()
        computed = value
        return value
    }
}
