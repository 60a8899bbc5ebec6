#include "pos/corporate/MailOutbox.hpp"

#include "db/UserError.hpp"

#include <gmime/gmime.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <unistd.h>

namespace salon::pos::corporate {

namespace {

struct Unref {
    void operator()(gpointer p) const {
        if (p) g_object_unref(p);
    }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;

}  // namespace

std::string MailOutbox::default_folder() {
    if (const char* env = std::getenv("SALON_MAIL_OUTBOX"); env && *env) return env;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = ".";
    return (base / "salon-station" / "mail-outbox").string();
}

std::string MailOutbox::sender() {
    if (const char* env = std::getenv("SALON_MAIL_FROM"); env && *env) return env;
    return "corporate-desk@salon-station.invalid";
}

WrittenMail MailOutbox::write(const std::string& folder, const OutgoingMail& mail) {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
    namespace fs = std::filesystem;
    const Text field = tr("mail outbox");
    std::error_code ec;
    for (const char* sub : {"tmp", "new", "cur"}) fs::create_directories(fs::path(folder) / sub, ec);
    if (!fs::is_directory(fs::path(folder) / "new", ec))
        throw ValidationError(field, trf("cannot create the folder {1}", {folder}));

    Ref<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, "Salon Station", sender().c_str());
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, nullptr, mail.to.c_str());
    g_mime_message_set_subject(message.get(), mail.subject.c_str(), "utf-8");
    GDateTime* now = g_date_time_new_now_utc();
    g_mime_message_set_date(message.get(), now);
    g_date_time_unref(now);
    char* id = g_mime_utils_generate_message_id("salon-station.invalid");
    const std::string message_id = id;
    g_free(id);
    g_mime_message_set_message_id(message.get(), message_id.c_str());
    Ref<GMimeTextPart> body(g_mime_text_part_new_with_subtype("plain"));
    g_mime_text_part_set_charset(body.get(), "utf-8");
    g_mime_text_part_set_text(body.get(), mail.body.c_str());
    // Cyrillic text: quoted-printable or base64, whichever is shorter, so any relay carries it 7-bit clean.
    g_mime_part_set_content_encoding(
        GMIME_PART(body.get()),
        g_mime_part_get_best_content_encoding(GMIME_PART(body.get()), GMIME_ENCODING_CONSTRAINT_7BIT));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(body.get()));
    char* text = g_mime_object_to_string(GMIME_OBJECT(message.get()), nullptr);
    const std::string eml = text;
    g_free(text);

    static unsigned counter = 0;
    char host[256] = "station";
    gethostname(host, sizeof host - 1);
    const std::string name = std::to_string(g_get_real_time()) + "." + std::to_string(getpid()) + "_" +
                             std::to_string(++counter) + "." + host;
    const fs::path tmp = fs::path(folder) / "tmp" / name, ready = fs::path(folder) / "new" / name;
    {
        std::ofstream out(tmp, std::ios::binary);
        out << eml;
        out.flush();
        if (!out) throw ValidationError(field, trf("cannot write {1}", {tmp.string()}));
    }
    fs::rename(tmp, ready, ec);
    if (ec) throw ValidationError(field, trf("cannot write {1}", {ready.string()}));
    return {message_id, ready.string()};
}

}  // namespace salon::pos::corporate
