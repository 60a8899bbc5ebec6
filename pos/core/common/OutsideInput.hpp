// Limits on what the station accepts from outside (files people import, text they type or paste), checked
// before anything parses it: a file's size, what a zip archive unpacks to, rows per import, the length of
// a field and the characters it may hold; and the one place every export makes a cell safe for a
// spreadsheet. Any reader of an outside file (price lists, the SIM file, a later spreadsheet library)
// calls these first.
#pragma once

#include "db/Text.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace salon::pos {

// What one import may read. A file over max_file_bytes is not read at all; a zip archive whose entries
// declare, or actually unpack to, more than max_unpacked_bytes in all, or that has more than
// max_zip_entries entries, is refused before or while it is unpacked.
struct ImportLimits {
    std::uintmax_t max_file_bytes = 32u << 20;      // 32 MiB
    std::uint64_t max_unpacked_bytes = 64u << 20;   // 64 MiB: a 100 000-row workbook unpacks to about 30
    std::size_t max_zip_entries = 1000;             // a workbook has a few dozen parts
};
inline constexpr ImportLimits kImportLimits{};

// Rows one import reads (data rows, a header not counted): a price list or a company's users' data.
inline constexpr std::size_t kMaxImportRows = 100'000;
// Cards one SIM file brings in: a warehouse delivery of 100 000 cards with room to spare.
inline constexpr std::size_t kMaxSimFileRows = 200'000;
// A sale draft given as a file (salon-cli sale commit --draft): a hundred lines take a few kilobytes.
inline constexpr std::uintmax_t kMaxDraftFileBytes = 1u << 20;

// "100 000": a limit as the messages state it.
std::string grouped(std::uintmax_t n);

// The whole file, refused with ValidationError for `field` when it cannot be opened or is larger than
// `max_bytes` ("is larger than 32 MB; the station reads at most 32 MB from such a file").
std::string read_outside_file(const std::string& path, const Text& field,
                              std::uintmax_t max_bytes = kImportLimits.max_file_bytes);

// Refuses the import when it has more than `max_rows` rows: "the file has more than 100 000 rows; at most
// 100 000 are read per import". Readers call it as the rows come, so a long file stops at the limit.
void require_rows_within(std::size_t rows, std::size_t max_rows, const Text& field);

// A zip archive read within ImportLimits. Opening checks its size, its entry count and the sizes its
// central directory declares; read() also counts the bytes actually inflated against what is left, since
// a declared size can lie, and stops at the limit. Throws ValidationError for `field`; a file that is not
// a zip archive at all: "is not a zip archive".
class ZipArchive {
public:
    ZipArchive(const std::string& path, const Text& field, const ImportLimits& limits = kImportLimits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    // The entry's content; nullopt when the archive has no such entry.
    std::optional<std::string> read(const std::string& name);
    // Inflates every entry, keeping nothing: proves the whole archive stays within the limits before it is
    // handed to a library that unpacks it by itself.
    void inflate_all();
    // The same, showing every entry's name and content, chunk by chunk, to `look` as it is inflated.
    void inflate_all(const std::function<void(const std::string& name, std::string_view chunk)>& look);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Refuses text longer than `max_characters` (code points, counted without decoding more than needed):
// "is too long: at most 32 characters". Call it before parsing anything, so a hostile length costs nothing.
void require_length_within(std::string_view text, std::size_t max_characters, const char* input,
                           const Text& field);
// The first C0 control character (NUL to U+001F) or DEL in `text` that is not in `allowed`, if any:
// `allowed` is "\t\r\n" for the few fields that hold a letter (a visitor's thanks).
std::optional<char> control_character(std::string_view text, std::string_view allowed = {});
// "contains a control character (U+0000)".
Text control_character_reason(char c);
// Refuses text with a control character, with control_character_reason.
void refuse_control_characters(std::string_view text, const char* input, const Text& field,
                               std::string_view allowed = {});

// A cell as an export writes it for a spreadsheet: text a spreadsheet would run as a formula (starting
// with = + - @, or a tab or a carriage return before one) gets a leading apostrophe, which spreadsheets
// read as "this is text" and do not show. Every export writes its cells through this function.
std::string spreadsheet_safe(std::string_view cell);

}  // namespace salon::pos
