/// Units per month: needed to reach a target by a deadline, and observed between snapshots.
public enum Pace {
    /// Whether a target can still be met in time, and at what pace.
    public enum Needed: Hashable, Sendable {
        /// Already reached: nothing more is needed.
        case reached
        /// `perMonth` units a month from the as-of date to the deadline.
        case perMonth(Double)
        /// The deadline is on or before the as-of date and the target is not reached.
        case deadlinePassed(short: Int)
    }

    public static func needed(units needed: Int, from asOf: Day, to deadline: Day) -> Needed {
        if needed <= 0 { return .reached }
        let months = Day.months(from: asOf, to: deadline)
        if months <= 0 { return .deadlinePassed(short: needed) }
        return .perMonth(Double(needed) / months)
    }

    /// Change in model units per month between two snapshots (nil when the dates are equal or reversed).
    public static func observed(modelThen: Int, on then: Day, modelNow: Int, on now: Day) -> Double? {
        let months = Day.months(from: then, to: now)
        guard months > 0 else { return nil }
        return Double(modelNow - modelThen) / months
    }

    /// No projected date is given past this day: a line drawn through a few counts says nothing
    /// about the next century.
    public static let horizon = Day(year: 2100, month: 12, day: 31)!

    /// The day a target is reached at a steady pace, or nil when the pace is not positive or the
    /// day would be after `horizon`.
    public static func projectedDay(needed: Int, perMonth pace: Double, from asOf: Day) -> Day? {
        if needed <= 0 { return asOf }
        guard pace > 0 else { return nil }
        let days = (Double(needed) / pace * 30.436875).rounded(.up)
        guard days <= Double(horizon.ordinal - asOf.ordinal) else { return nil }
        return Day.today(secondsSince1970: (asOf.ordinal + Int(days)) * 86400)
    }
}
