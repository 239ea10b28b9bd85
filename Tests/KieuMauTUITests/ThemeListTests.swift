import Testing
import KieuMauCore
@testable import KieuMauTUI

/// Only the theme on screen is parsed before the first frame; `t` parses the others as it reaches
/// them and passes over one that does not parse.
@Suite struct ThemeListTests {
    final class Loads { var names: [String] = [] }

    func list(broken: Set<String> = [], loads: Loads) -> ThemeList {
        ThemeList(names: ["default", "dark", "light", "mono"], initial: 0, theme: BuiltInThemes.default) { name in
            loads.names.append(name)
            return broken.contains(name) ? nil : Theme(name: name, styles: [:])
        }
    }

    @Test func onlyTheChosenThemeIsParsedAtStart() {
        let loads = Loads()
        let themes = list(loads: loads)
        let c = AppRuntime(state: AppState(dataset: Fixture.second, snapshots: Fixture.refs, snapshotIndex: 1, lang: .en),
                              themes: themes, source: Fixture.MemorySource(), exports: ExportsInMemory())
        c.start()
        _ = c.render(width: 80, height: 24)
        #expect(c.theme.name == "default")
        #expect(loads.names.isEmpty)
        #expect(c.state.themeNames == ["default", "dark", "light", "mono"])
    }

    @Test func cyclingParsesEachThemeOnceAndSkipsBrokenOnes() {
        let loads = Loads()
        let c = AppRuntime(state: AppState(dataset: Fixture.second, snapshots: Fixture.refs, snapshotIndex: 1, lang: .en),
                              themes: list(broken: ["dark"], loads: loads), source: Fixture.MemorySource(), exports: ExportsInMemory())
        c.handle(.char("t"))
        #expect(c.theme.name == "light")
        #expect(c.state.notice?.hasSuffix("light") == true)
        c.handle(.char("t")); c.handle(.char("t"))
        #expect(c.theme.name == "default")
        c.handle(.char("t"))
        #expect(c.theme.name == "light")
        #expect(loads.names == ["dark", "light", "mono"])
    }

    @Test func builtInThemesParseOnDemandAgainstTheDefault() throws {
        for name in BuiltInThemes.names {
            let theme = try #require(BuiltInThemes.theme(named: name))
            #expect(theme.name == name)
        }
        #expect(BuiltInThemes.theme(named: "no-such-theme") == nil)
    }
}
