/// One row of the key table: a command, the keys that give it, where they apply, what help says
/// of it, and where the status line hints at it.
public struct KeyBinding: Hashable, Sendable {
    /// A status-line hint: in these contexts, the binding's first key and a short word.
    public struct Hint: Hashable, Sendable {
        public var contexts: Set<KeyContext>
        public var vi: String
        public var en: String
        public init(_ contexts: Set<KeyContext>, vi: String, en: String) { self.contexts = contexts; self.vi = vi; self.en = en }
        public func text(_ lang: Language) -> String { lang == .vi ? vi : en }
    }

    public var command: Command
    public var keys: [Key]
    public var contexts: Set<KeyContext>
    /// What help and `kieumau keys` say it does.
    public var vi: String
    public var en: String
    public var hints: [Hint]
    /// Kept on the status line longest (help and quit): the last hints to give way to a narrow screen.
    public var keepsHint: Bool

    public init(_ command: Command, _ keys: [Key], in contexts: Set<KeyContext>, vi: String, en: String,
                hints: [Hint] = [], keepsHint: Bool = false) {
        self.command = command; self.keys = keys; self.contexts = contexts; self.vi = vi; self.en = en
        self.hints = hints; self.keepsHint = keepsHint
    }

    public func description(_ lang: Language) -> String { lang == .vi ? vi : en }

    /// The hint's words in `context`, or nil when the status line does not show this binding there.
    public func hint(in context: KeyContext, _ lang: Language) -> String? {
        hints.first { $0.contexts.contains(context) }?.text(lang)
    }
}
