#include "pos/core/common/OutsideInput.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/FormInput.hpp"

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace salon::pos {

std::string grouped(std::uintmax_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

namespace {

Text too_large(std::uintmax_t max_bytes) {
    return trf("is larger than {1} MB; the station reads at most {1} MB from such a file",
               {std::to_string(max_bytes >> 20)});
}

Text unpacks_too_large(std::uint64_t max_bytes) {
    return trf("unpacks to more than {1} MB; at most {1} MB is unpacked per import",
               {std::to_string(max_bytes >> 20)});
}

}  // namespace

std::string read_outside_file(const std::string& path, const Text& field, std::uintmax_t max_bytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw ValidationError(field, trf("{1} is a folder, not a file", {path}));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ValidationError(field, trf("cannot open {1}", {path}));
    // Read at most one byte past the limit: the size a file claims may change under us (a pipe, a growing
    // file), the bytes read cannot.
    std::string data;
    std::vector<char> chunk(1 << 16);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        data.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (data.size() > max_bytes) throw ValidationError(field, too_large(max_bytes));
    }
    if (in.bad()) throw ValidationError(field, trf("cannot read {1}", {path}));
    return data;
}

void require_rows_within(std::size_t rows, std::size_t max_rows, const Text& field) {
    if (rows <= max_rows) return;
    throw ValidationError(field, trf("the file has more than {1} rows; at most {1} are read per import",
                                     {grouped(max_rows)}));
}

// ---- zip

struct ZipArchive::Impl {
    zip_t* zip = nullptr;
    Text field;
    std::uint64_t left = 0;  // bytes still allowed to be inflated
    std::uint64_t limit = 0;
    ~Impl() {
        if (zip) zip_discard(zip);
    }
};

ZipArchive::ZipArchive(const std::string& path, const Text& field, const ImportLimits& limits)
    : impl_(std::make_unique<Impl>()) {
    impl_->field = field;
    impl_->limit = impl_->left = limits.max_unpacked_bytes;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw ValidationError(field, trf("cannot open {1}", {path}));
    if (size > limits.max_file_bytes) throw ValidationError(field, too_large(limits.max_file_bytes));
    int error = 0;
    impl_->zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!impl_->zip) {
        if (error == ZIP_ER_NOZIP) throw ValidationError(field, tr("is not a zip archive"));
        if (error == ZIP_ER_OPEN || error == ZIP_ER_READ) throw ValidationError(field, trf("cannot read {1}", {path}));
        throw ValidationError(field, tr("is a damaged zip archive"));
    }
    const zip_int64_t entries = zip_get_num_entries(impl_->zip, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_zip_entries)
        throw ValidationError(field, trf("has more than {1} parts; at most {1} are read per import",
                                         {grouped(limits.max_zip_entries)}));
    std::uint64_t declared = 0, compressed = 0;
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
        if (st.valid & ZIP_STAT_SIZE) declared += st.size;
        if (declared > limits.max_unpacked_bytes) throw ValidationError(field, unpacks_too_large(limits.max_unpacked_bytes));
        // The parts' packed bytes lie inside the file: a directory that says otherwise lies, and liborcus's
        // own zip reader would set aside what it says (a 5 KB workbook claiming 1.7 GB for its styles).
        if (st.valid & ZIP_STAT_COMP_SIZE) compressed += st.comp_size;
        if (compressed > size) throw ValidationError(field, tr("is a damaged zip archive"));
    }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::has(const std::string& name) const { return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0; }

namespace {

// Inflates entry `index` in chunks, giving each to `keep`, and refuses once `left` is spent.
template <class Keep>
bool inflate(zip_t* zip, zip_uint64_t index, std::uint64_t& left, std::uint64_t limit, const Text& field,
             Keep&& keep) {
    zip_file_t* file = zip_fopen_index(zip, index, 0);
    if (!file) return false;
    std::vector<char> chunk(1 << 16);
    bool ok = true;
    while (true) {
        const zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
        if (got < 0) {
            ok = false;
            break;
        }
        if (got == 0) break;
        if (static_cast<std::uint64_t>(got) > left) {
            zip_fclose(file);
            throw ValidationError(field, unpacks_too_large(limit));
        }
        left -= static_cast<std::uint64_t>(got);
        keep(chunk.data(), static_cast<std::size_t>(got));
    }
    zip_fclose(file);
    return ok;
}

}  // namespace

std::optional<std::string> ZipArchive::read(const std::string& name) {
    const zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), 0);
    if (index < 0) return std::nullopt;
    std::string data;
    if (!inflate(impl_->zip, static_cast<zip_uint64_t>(index), impl_->left, impl_->limit, impl_->field,
                 [&](const char* p, std::size_t n) { data.append(p, n); }))
        throw ValidationError(impl_->field, trf("the part {1} of the archive is damaged", {name}));
    return data;
}

void ZipArchive::inflate_all() { inflate_all([](const std::string&, std::string_view) {}); }

void ZipArchive::inflate_all(const std::function<void(const std::string& name, std::string_view chunk)>& look) {
    const zip_int64_t entries = zip_get_num_entries(impl_->zip, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* name = zip_get_name(impl_->zip, static_cast<zip_uint64_t>(i), 0);
        const std::string entry = name ? name : "";
        if (!inflate(impl_->zip, static_cast<zip_uint64_t>(i), impl_->left, impl_->limit, impl_->field,
                     [&](const char* p, std::size_t n) { look(entry, std::string_view(p, n)); }))
            throw ValidationError(impl_->field, tr("is a damaged zip archive"));
    }
}

// ---- text

namespace {

[[noreturn]] void refuse(const char* input, const Text& field, Text reason) {
    if (input) throw InputError(input, field, std::move(reason));
    throw ValidationError(field, std::move(reason));
}

}  // namespace

void require_length_within(std::string_view text, std::size_t max_characters, const char* input,
                           const Text& field) {
    // A code point is 1 to 4 bytes: the byte count settles most cases without decoding.
    if (text.size() <= max_characters) return;
    std::size_t characters = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++characters > max_characters)
            refuse(input, field, trf("is too long: at most {1} characters", {grouped(max_characters)}));
}

std::optional<char> control_character(std::string_view text, std::string_view allowed) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 || u == 0x7F) && allowed.find(c) == std::string_view::npos) return c;
    }
    return std::nullopt;
}

Text control_character_reason(char c) {
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
    return trf("contains a control character ({1})", {code});
}

void refuse_control_characters(std::string_view text, const char* input, const Text& field,
                               std::string_view allowed) {
    if (const auto c = control_character(text, allowed)) refuse(input, field, control_character_reason(*c));
}

std::string spreadsheet_safe(std::string_view cell) {
    // Spreadsheets skip a leading tab or carriage return before reading a formula (OWASP's list for CSV
    // injection), so a cell starting with one of them is neutralised too; a negative amount becomes text,
    // which is what the figures people copy already are (they carry a currency sign).
    if (cell.empty()) return {};
    const char c = cell.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + std::string(cell);
    return std::string(cell);
}

}  // namespace salon::pos
