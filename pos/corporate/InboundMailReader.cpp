#include "pos/corporate/InboundMailReader.hpp"

#include "db/UserError.hpp"
#include "pos/core/common/OutsideInput.hpp"

#include <gmime/gmime.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>

namespace salon::pos::corporate {

namespace {

void init_gmime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

// GObject references and GLib strings released at scope exit.
struct Unref {
    void operator()(gpointer p) const {
        if (p) g_object_unref(p);
    }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;
struct GFree {
    void operator()(gpointer p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFree>;

Text mail_field(const std::string& source) { return trf("mail {1}", {source}); }

// Mailers that declare no charset (or a wrong one) still write Russian in Windows-1251 far more often than
// in KOI8-R; text that is valid UTF-8 is taken as it is.
std::string to_utf8(std::string text) {
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return text;
    gsize written = 0;
    GString_ converted(g_convert(text.data(), static_cast<gssize>(text.size()), "UTF-8", "WINDOWS-1251",
                                 nullptr, &written, nullptr));
    if (converted) return std::string(converted.get(), written);
    GString_ valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    return valid.get();
}

// The body as people read it: "\n" line ends, no control characters but tabs (a form feed or a NUL in a
// body is noise, and the text is shown and searched later).
std::string clean_body(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\t' || (u >= 0x20 && u != 0x7f)) out += c;
    }
    return out;
}

// A text/html body without its tags and with its common entities, for a mailer that sent no text/plain.
std::string html_to_text(std::string_view html) {
    std::string out;
    bool in_tag = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        if (c == '<') {
            in_tag = true;
            const auto rest = html.substr(i, 4);
            if (rest == "<br>" || rest == "<br/" || rest == "<p>" || rest.substr(0, 3) == "<p " ||
                rest == "<div" || rest == "</p>")
                out += '\n';
            continue;
        }
        if (c == '&') {
            static constexpr std::pair<std::string_view, std::string_view> entities[] = {
                {"&nbsp;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}};
            bool done = false;
            for (const auto& [name, value] : entities) {
                if (html.substr(i, name.size()) == name) {
                    out += value;
                    i += name.size() - 1;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out += c;
    }
    return out;
}

struct Walk {
    std::string plain;
    std::string html;
    bool has_plain = false;
    bool has_html = false;
    std::vector<std::string> attachments;
};

std::string part_text(GMimeTextPart* part) {
    GString_ text(g_mime_text_part_get_text(part));
    if (!text) return {};
    return to_utf8(text.get());
}

void visit(GMimeObject*, GMimeObject* part, gpointer data) {
    auto& walk = *static_cast<Walk*>(data);
    if (GMIME_IS_MESSAGE_PART(part)) {
        // A forwarded mail is an attachment of this one: its text is not what this sender writes.
        walk.attachments.emplace_back("message.eml");
        return;
    }
    if (!GMIME_IS_PART(part)) return;
    auto* mime_part = GMIME_PART(part);
    const char* filename = g_mime_part_get_filename(mime_part);
    if (g_mime_part_is_attachment(mime_part) || filename) {
        walk.attachments.emplace_back(filename ? to_utf8(filename) : std::string("attachment"));
        return;
    }
    if (!GMIME_IS_TEXT_PART(part)) return;
    GMimeContentType* type = g_mime_object_get_content_type(part);
    if (g_mime_content_type_is_type(type, "text", "plain") && !walk.has_plain) {
        walk.plain = part_text(GMIME_TEXT_PART(part));
        walk.has_plain = true;
    } else if (g_mime_content_type_is_type(type, "text", "html") && !walk.has_html) {
        walk.html = part_text(GMIME_TEXT_PART(part));
        walk.has_html = true;
    }
}

// A header value read from the mail, refused when over its length or holding a control character: such a
// header is forged or broken, and it would reach lists and the journal.
std::string header_value(std::string value, std::size_t max_characters, const char* input, const Text& field,
                         const Text& which) {
    const std::string utf8 = to_utf8(std::move(value));
    try {
        require_length_within(utf8, max_characters, input, which);
        refuse_control_characters(utf8, input, which);
    } catch (const ValidationError& e) {
        throw ValidationError(field, trf("{1}: {2}", {which.str(), e.reason().str()}));
    }
    return utf8;
}

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
    return s;
}

}  // namespace

InboundMail InboundMailReader::parse(std::string_view bytes, const std::string& source) {
    init_gmime();
    const Text field = mail_field(source);
    if (bytes.size() > kMaxMailBytes)
        throw ValidationError(field,
                              trf("is larger than {1} MB; the station reads at most {1} MB from such a file",
                                  {std::to_string(kMaxMailBytes >> 20)}));
    if (bytes.empty()) throw ValidationError(field, tr("the file is empty"));

    Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
    Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GMimeParserOptions* options = g_mime_parser_options_new();
    // Undeclared 8-bit headers: UTF-8 first, then the Russian charsets mailers use.
    const char* fallback[] = {"UTF-8", "WINDOWS-1251", "KOI8-R", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallback);
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    g_mime_parser_options_free(options);
    if (!message) throw ValidationError(field, tr("is not an e-mail message"));

    InboundMail mail;
    InternetAddressList* from = g_mime_message_get_from(message.get());
    InternetAddress* sender = nullptr;
    if (from) {
        for (int i = 0; i < internet_address_list_length(from) && !sender; ++i) {
            InternetAddress* a = internet_address_list_get_address(from, i);
            if (INTERNET_ADDRESS_IS_MAILBOX(a)) sender = a;
        }
    }
    if (!sender) throw ValidationError(field, tr("has no sender address (From)"));
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(sender));
    mail.from_address = lower_ascii(
        header_value(addr ? addr : "", kMaxAddressCharacters, "from", field, tr("sender address")));
    if (mail.from_address.find('@') == std::string::npos)
        throw ValidationError(field, tr("has no sender address (From)"));
    if (const char* name = internet_address_get_name(sender))
        mail.from_name = header_value(name, kMaxHeaderCharacters, "from", field, tr("sender name"));
    if (const char* subject = g_mime_message_get_subject(message.get()))
        mail.subject = header_value(subject, kMaxHeaderCharacters, "subject", field, tr("subject"));
    if (const char* id = g_mime_message_get_message_id(message.get()); id && *id) {
        mail.message_id = header_value(id, kMaxHeaderCharacters, "message_id", field, tr("Message-ID"));
    } else {
        // A mail without a Message-ID is still imported once only: it is known by its content.
        GString_ sum(g_compute_checksum_for_data(
            G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
        mail.message_id = std::string("sha256:") + sum.get();
    }
    if (GDateTime* date = g_mime_message_get_date(message.get())) mail.date = g_date_time_to_unix(date);

    Walk walk;
    g_mime_message_foreach(message.get(), visit, &walk);
    std::string text = walk.has_plain ? walk.plain : html_to_text(walk.html);
    mail.body = clean_body(text);
    mail.attachments = std::move(walk.attachments);
    for (auto& name : mail.attachments) name = clean_body(name);
    return mail;
}

InboundMail InboundMailReader::read_file(const std::string& path) {
    const std::string bytes = read_outside_file(path, mail_field(path), kMaxMailBytes);
    return parse(bytes, path);
}

std::vector<InboundMailFile> InboundMailReader::read_path(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::string> files;
    if (fs::is_directory(path, ec)) {
        const bool maildir =
            fs::is_directory(fs::path(path) / "cur", ec) || fs::is_directory(fs::path(path) / "new", ec);
        if (!maildir)
            throw ValidationError(tr("mail folder"),
                                  trf("{1} is not a maildir folder: it has neither cur/ nor new/", {path}));
        for (const char* sub : {"cur", "new"}) {
            const fs::path dir = fs::path(path) / sub;
            if (!fs::is_directory(dir, ec)) continue;
            for (const auto& entry : fs::directory_iterator(dir, ec)) {
                const std::string name = entry.path().filename().string();
                // Maildir's own temporary and hidden files are no mail.
                if (name.empty() || name[0] == '.' || !entry.is_regular_file(ec)) continue;
                files.push_back(entry.path().string());
                require_rows_within(files.size(), kMaxMailsPerImport, tr("mail folder"));
            }
        }
        std::sort(files.begin(), files.end());
    } else if (fs::exists(path, ec)) {
        files.push_back(path);
    } else {
        throw ValidationError(tr("mail file"), trf("cannot open {1}", {path}));
    }
    std::vector<InboundMailFile> out;
    out.reserve(files.size());
    for (const auto& file : files) {
        InboundMailFile entry;
        entry.path = file;
        try {
            entry.mail = read_file(file);
        } catch (const ValidationError& e) {
            entry.problem = e.reason();
        }
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace salon::pos::corporate
