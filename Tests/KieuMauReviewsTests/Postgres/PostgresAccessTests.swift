import Foundation
import Testing
import KieuMauCore
import KieuMauReviews
@testable import KieuMauReviewsPostgres
import KieuMauTestSupport

/// Who may review which wards is the database's decision, by the ward → province table that
/// `reviews init` loaded, not the client's.
@Suite(needsPostgres)
struct PostgresAccessTests {
    @Test func aRoleGrantedNgheAnIsRefusedOnAHaNoiWardAndAllowedOnANgheAnWard() throws {
        let database = try TestDatabase()
        let role = try database.makeRole("nghe_an")
        let granted = try PostgresReviewStore.grant(role: role, provinces: ["40"], uri: database.uri)
        #expect(granted.map(\.description) == ["Nghệ An (40)"])

        let store = try PostgresReviewStore.open(uri: database.uri(user: role))
        #expect(store.readOnlyReason == nil)
        let refused = #expect(throws: ReviewStoreError.self) {
            try store.setMark(.ok, snapshot: Sample.q2, ward: Wards.haNoi, reviewer: "Lan", at: Sample.time(1))
        }
        #expect(refused?.kind == .refused)
        #expect(refused?.description == "not allowed to review wards of Hà Nội (01) as role \(role)")
        let refusedNote = #expect(throws: ReviewStoreError.self) {
            try store.setNote("ghi chú", snapshot: Sample.q2, ward: Wards.haNoi, reviewer: "Lan", at: Sample.time(1))
        }
        #expect(refusedNote?.kind == .refused)

        let allowed = try store.setMark(.ok, snapshot: Sample.q2, ward: Wards.ngheAn, reviewer: "Lan", at: Sample.time(2))
        #expect(allowed.mark == .ok)
        // After July 2025 the ward codes are those of the new map; Nghệ An is still 40.
        try store.setNote("ok", snapshot: Sample.q3, ward: Wards.ngheAnAfterJuly, reviewer: "Lan", at: Sample.time(3))

        // Nothing of the refused writes is stored; the role reads everything.
        let owner = try database.open()
        #expect(try owner.review(snapshot: Sample.q2, ward: Wards.haNoi) == nil)
        try owner.setMark(.followUp, snapshot: Sample.q2, ward: Wards.haNoi, reviewer: "Chủ", at: Sample.time(4))
        #expect(try store.review(snapshot: Sample.q2, ward: Wards.haNoi)?.mark == .followUp)
        #expect(try store.allReviews().count == 3)
    }

    @Test func theProvinceComesFromTheMapInForceOnTheSnapshotsDate() throws {
        // Ward 08707 is in province 26 before July 2025 and in 25 after: a role granted 25 may
        // review it only on snapshots from July 2025.
        let database = try TestDatabase()
        let role = try database.makeRole("phu_tho")
        _ = try PostgresReviewStore.grant(role: role, provinces: ["25"], uri: database.uri)
        let store = try PostgresReviewStore.open(uri: database.uri(user: role))
        let refused = #expect(throws: ReviewStoreError.self) {
            try store.setMark(.ok, snapshot: Sample.q2, ward: "08707", reviewer: "Lan", at: Sample.time(1))
        }
        #expect(refused?.message.hasPrefix("not allowed to review wards of Vĩnh Phúc (26)") == true)
        #expect(try store.setMark(.ok, snapshot: Sample.q3, ward: "08707", reviewer: "Lan", at: Sample.time(2)).mark == .ok)
    }

    @Test func anImportWithOneForeignWardIsRefusedWhole() throws {
        let database = try TestDatabase()
        let role = try database.makeRole("importer")
        _ = try PostgresReviewStore.grant(role: role, provinces: ["40"], uri: database.uri)
        let store = try PostgresReviewStore.open(uri: database.uri(user: role))
        let incoming = [
            Review(key: ReviewKey(snapshot: Sample.q2, ward: Wards.ngheAn), mark: .ok, markedBy: "Lan", markedAt: Sample.time(1)),
            Review(key: ReviewKey(snapshot: Sample.q2, ward: Wards.haNoi), mark: .ok, markedBy: "Lan", markedAt: Sample.time(1)),
        ]
        let error = #expect(throws: ReviewStoreError.self) { try store.merge(incoming) }
        #expect(error?.kind == .refused)
        #expect(error?.message == "not allowed to review wards of Hà Nội (01) as role \(role) (ward \(Wards.haNoi), \(Sample.q2.iso)); nothing imported")
        #expect(try store.allReviews().isEmpty)
    }

    @Test func aRoleWithoutAGrantCannotReadAndAGrantNeedsKnownProvincesAndAnExistingRole() throws {
        let database = try TestDatabase()
        let stranger = try database.makeRole("stranger")
        let unread = #expect(throws: ReviewStoreError.self) { try PostgresReviewStore.open(uri: database.uri(user: stranger)) }
        #expect(unread?.kind == .refused)
        #expect(unread?.message.contains("may not read the review store") == true)

        let badProvince = #expect(throws: ReviewStoreError.self) {
            try PostgresReviewStore.grant(role: stranger, provinces: ["40", "99"], uri: database.uri)
        }
        #expect(badProvince?.message.contains("no province with code 99") == true)
        let noRole = #expect(throws: ReviewStoreError.self) {
            try PostgresReviewStore.grant(role: "nobody_\(database.name)", provinces: ["40"], uri: database.uri)
        }
        #expect(noRole?.message.contains("the server has no role") == true)
    }
}
