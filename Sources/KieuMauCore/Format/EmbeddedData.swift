import Foundation

/// The data files shipped with the program (`Sources/KieuMauCore/Resources/Data`, copied by
/// SwiftPM as the resource `Data` of KieuMauCore).
///
/// `Bundle.module` is not used: its generated accessor stops the program with `fatalError` when
/// the resource bundle is not beside the binary (an installed copy). The bundle is looked for
/// instead, and nil returned when it is nowhere, so the caller can say so.
public enum EmbeddedData {
    /// SwiftPM's name for the resource bundle of target KieuMauCore in package kieumau.
    static let bundleNames = ["kieumau_KieuMauCore.resources", "kieumau_KieuMauCore.bundle"]

    /// The folder of embedded data files, or nil when it cannot be found.
    public static func directory() -> String? {
        candidates().first(where: isDirectory)
    }

    /// Where the folder may be, most likely first: beside the executable, in the main bundle's
    /// resources, in the source tree this was built from.
    static func candidates() -> [String] {
        var bundleFolders: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            bundleFolders.append((exe as NSString).deletingLastPathComponent)
        }
        bundleFolders.append(Bundle.main.bundlePath)
        if let resources = Bundle.main.resourcePath { bundleFolders.append(resources) }
        var result: [String] = []
        for folder in bundleFolders {
            for name in bundleNames {
                result.append(folder + "/" + name + "/Data")
                result.append(folder + "/" + name + "/Contents/Resources/Data")
            }
        }
        var folder = (#filePath as NSString).deletingLastPathComponent
        while folder.count > 1 {
            result.append(folder + "/Sources/KieuMauCore/Resources/Data")
            folder = (folder as NSString).deletingLastPathComponent
        }
        return result
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
