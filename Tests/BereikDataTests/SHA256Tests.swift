import Testing
@testable import BereikData

@Suite struct SHA256Tests {
    /// FIPS 180-2 appendix B test vectors.
    @Test func fipsVectors() {
        func digest(_ text: String) -> String { var h = SHA256(); h.update(Array(text.utf8)); return h.finish() }
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var million = SHA256()
        for _ in 0..<1000 { million.update([UInt8](repeating: 0x61, count: 1000)) }
        #expect(million.finish() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Against `sha256sum Datasets/cbs/seswoa2019_85163NED_amsterdam.csv`.
    @Test func fileDigestMatchesSha256sum() throws {
        #expect(try SHA256.file(Repo.dataset("seswoa2019_85163NED_amsterdam.csv"))
                == "82ed9784b6ce4ec791fb7bbc9af3d0f2bc3042454d08791c08a7702a43e5605c")
    }
}
