// A text meant for a person: kept as its English message id and translated only where it is shown.
#pragma once

#include <initializer_list>
#include <locale>
#include <string>
#include <vector>

namespace salon {

// Marks a message for translation. xgettext extracts `tr`, `trf` and `trn` calls (see assets/).
class Text {
public:
    Text() = default;
    // Args fill {1}, {2}, ... in the translated text (Boost.Locale format syntax).
    Text(const char* msgid, std::vector<std::string> args = {});
    // A plural form chosen by `n`; {1} is n itself.
    Text(const char* singular, const char* plural, long long n, std::vector<std::string> args = {});

    // Translated into `loc` (a locale made by the Boost.Locale generator).
    std::string str(const std::locale& loc) const;
    // Translated into the language the program speaks (see `set_language`).
    std::string str() const;
    // The untranslated English text, for logs and `what()`.
    std::string english() const;

    bool empty() const { return msgid_ == nullptr; }

private:
    const char* msgid_ = nullptr;
    const char* plural_ = nullptr;
    long long n_ = 0;
    std::vector<std::string> args_;
};

inline Text tr(const char* msgid) { return Text(msgid); }
inline Text trf(const char* msgid, std::vector<std::string> args) { return Text(msgid, std::move(args)); }
inline Text trn(const char* singular, const char* plural, long long n) { return Text(singular, plural, n); }

// The languages the station speaks: Russian first, English second.
enum class Language { russian, english };

// Picks the language: an explicit name ("ru", "en", "ru_RU.UTF-8"...) wins; an empty name reads
// SALON_LANG, then LC_ALL, LC_MESSAGES and LANG; anything not English means Russian.
Language choose_language(const std::string& name = {});
void set_language(Language language);
Language language();
// The Boost.Locale locale for the current language, with the "salon" message catalog loaded.
const std::locale& ui_locale();
// Where the compiled catalogs were looked for and found (for diagnostics); empty if none was found.
std::string catalog_dir();

}  // namespace salon
