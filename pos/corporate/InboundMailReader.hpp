// Reads the mails a company sends to the salon (R-CORP-4, R-CORP-5, R-CORP-13) with GMime 3: one .eml file
// or every message of a maildir folder (cur/ and new/), into plain values: who sent it, its subject with the
// encoded words decoded, its date, its text decoded to UTF-8 (quoted-printable or base64; KOI8-R,
// Windows-1251 and the other charsets a mailer declares), and the names of its attachments. No database:
// what the mail asks for is RequestRecogniser's business, what becomes of it CorporateRequest's.
#pragma once

#include "db/Text.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salon::pos::corporate {

// Mail servers commonly refuse a message over 25 MB; a larger file is no mail a company sent.
inline constexpr std::uintmax_t kMaxMailBytes = 25u << 20;
// Messages one import reads from a maildir folder.
inline constexpr std::size_t kMaxMailsPerImport = 10'000;
// RFC 5321: an address is at most 254 characters; RFC 5322: a header line at most 998.
inline constexpr std::size_t kMaxAddressCharacters = 254;
inline constexpr std::size_t kMaxHeaderCharacters = 998;

struct InboundMail {
    std::string message_id;    // without the angle brackets; "sha256:..." of the file when the mail has none
    std::string from_address;  // the From mailbox's addr-spec, lower-cased: what R-CORP-4 compares
    std::string from_name;     // the display name, decoded
    std::string subject;       // encoded words decoded to UTF-8
    std::optional<std::int64_t> date;  // the Date header in Unix seconds UTC; none when missing or broken
    std::string body;  // the text (text/plain, else text/html without its tags), UTF-8, "\n" line ends
    std::vector<std::string> attachments;  // file names, decoded (RFC 2231 / 2047)
};

// One file of an import: the mail, or why it could not be read (the file is left where it is).
struct InboundMailFile {
    std::string path;
    std::optional<InboundMail> mail;
    Text problem;
};

class InboundMailReader {
public:
    // Parses one message. Throws ValidationError naming `source` when it is no mail: no From mailbox, a
    // header with control characters or over its length, not a message at all.
    static InboundMail parse(std::string_view bytes, const std::string& source);
    // One .eml file, capped at kMaxMailBytes. Throws ValidationError.
    static InboundMail read_file(const std::string& path);
    // An .eml file (one entry) or a maildir folder (every file of cur/ and new/, in name order, at most
    // kMaxMailsPerImport: a larger folder is refused whole before anything is read). A file that cannot be
    // read is an entry with its problem, so one broken mail never stops the others. Throws ValidationError
    // for a path that is neither, or a folder over the cap.
    static std::vector<InboundMailFile> read_path(const std::string& path);
};

}  // namespace salon::pos::corporate
