import KieuMauCore
import KieuMauReviews

/// Reviewers' marks and notes: asked of the store as effects, shown once the store has them.
extension AppState {
    /// `o` / `x`: sets the mark, or clears it when the ward already has that mark. Nothing shows
    /// as saved until the store answers.
    mutating func mark(_ m: ReviewMark) -> [Effect] {
        guard let w = reviewTarget else { notice = strings.chooseAWard; return [] }
        guard reviewsAvailable else { notice = strings.noReviewStore; return [] }
        if let reason = reviewsReadOnly { notice = strings.reviewsReadOnly(reason); return [] }
        if let outage = reviewStoreOutage { notice = strings.reviewStoreOffline(outage.since) + ": " + strings.notSaved; return [] }
        let code = map.wards[w].code
        let current = pendingReviews.mark(of: code, on: header.asOf) ?? reviews[code]?.mark
        let next: ReviewMark? = current == m ? nil : m
        pendingReviews.sent(mark: next, ward: code, on: header.asOf)
        return [.saveMark(next, snapshot: header.asOf, ward: code)]
    }

    /// `a`: the note editor, on the ward's note as stored.
    mutating func openNote() {
        guard let w = reviewTarget else { notice = strings.chooseAWard; return }
        guard reviewsAvailable else { notice = strings.noReviewStore; return }
        if let reason = reviewsReadOnly { notice = strings.reviewsReadOnly(reason); return }
        if let outage = reviewStoreOutage { notice = strings.reviewStoreOffline(outage.since) + ": " + strings.notSaved; return }
        let code = map.wards[w].code
        noteEditor = LineEditor(text: reviews[code]?.note ?? "", wardCode: code)
    }

    mutating func applyInNote(_ command: Command) -> [Effect] {
        guard let editor = noteEditor else { return [] }
        switch command {
        case .noteSave:
            // The editor closes at once, so keys typed after Enter act on the list; the note shows
            // as saved when the store answers, and comes back to the editor if it cannot be saved.
            noteEditor = nil
            pendingReviews.sent(note: editor.text, ward: editor.wardCode, on: header.asOf)
            return [.saveNote(editor.text, base: editor.original, snapshot: header.asOf, ward: editor.wardCode)]
        case .noteCancel:
            noteEditor = nil
            notice = strings.noteCancelled
        case .quit:
            quit = true
        default:
            break
        }
        return []
    }

    mutating func editLine(_ e: EditorAction) {
        if var ed = noteEditor {
            switch e {
            case .backspace: ed.backspace()
            case .delete: ed.deleteForward()
            case .left: ed.move(by: -1)
            case .right: ed.move(by: 1)
            case .home: ed.home()
            case .end: ed.end()
            }
            noteEditor = ed
            return
        }
        // In a filter being typed, Backspace is the only edit.
        if typingFilter, e == .backspace { eraseFilter() }
    }

    mutating func reviewsLoaded(day: Day, result: Result<[String: Review], EffectFailure>) {
        guard day == header.asOf else { return }
        switch result {
        case .success(let r): reviews = r
        case .failure(let f): notice = strings.saveFailed(f.description)
        }
    }

    /// The store's answer to a mark or note: shown now because it is stored. A note that could
    /// not be saved comes back to the editor with its text (when no other note is being typed).
    mutating func reviewSaved(_ result: Result<Review, EffectFailure>, snapshot day: Day, ward: String, wasNote: Bool) {
        let note = wasNote ? pendingReviews.answeredNote(ward: ward, on: day) : nil
        if !wasNote { pendingReviews.answeredMark(ward: ward, on: day) }
        switch result {
        case .success(let review):
            if review.snapshot == header.asOf { reviews[review.ward] = review }
            // A word said by a key typed since (e.g. "no more wards") is not covered by the confirmation.
            if notice == nil { notice = wasNote ? strings.noteSaved : strings.markSaved(strings.markName(review.mark)) }
        case .failure(let f):
            if let note, noteEditor == nil, day == header.asOf { noteEditor = LineEditor(text: note, wardCode: ward) }
            notice = strings.saveFailed(f.description) + (notice.map { " · " + $0 } ?? "")
        }
    }

    // MARK: The store out of reach

    /// The store could not be reached: read-only from now, and tried again after a while.
    mutating func reviewStoreOffline(since: String, reason: String) -> [Effect] {
        guard reviewStoreOutage == nil else {
            reviewStoreOutage?.reason = reason
            return []
        }
        reviewStoreOutage = ReviewStoreOutage(since: since, reason: reason)
        return [.after(reconnectBackoff.nextDelay(), .reconnectReviewStore)]
    }

    /// Back: writable again, and what others wrote meanwhile read (it was not announced).
    mutating func reviewStoreReconnected() -> [Effect] {
        guard reviewStoreOutage != nil else { return [] }
        reviewStoreOutage = nil
        reconnectBackoff.succeeded()
        notice = strings.reviewStoreBack
        previousReviewKey = nil
        return [.loadReviews(snapshot: header.asOf)] + followUps(since: nil)
    }

    mutating func reviewStoreStillOffline(reason: String) -> [Effect] {
        guard reviewStoreOutage != nil else { return [] }
        reviewStoreOutage?.reason = reason
        return [.after(reconnectBackoff.nextDelay(), .reconnectReviewStore)]
    }
}
