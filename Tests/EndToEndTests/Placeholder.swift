import Testing

@Suite struct EndToEndPlaceholder {
    @Test func nothingYet() { #expect(Bool(true)) }
}
