/// PostgreSQL array literals (`{"a","b",NULL}`), so that a batch travels as one text parameter
/// per column and is unpacked server-side with `unnest($1::text[], …)`: one round trip, not one
/// per row.
enum PGArray {
    static func literal(_ values: [String?]) -> String {
        var out = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            guard let value else { out += "NULL"; continue }
            out += "\""
            for scalar in value.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            out += "\""
        }
        return out + "}"
    }
}
