#include "pos/corporate/RequestRecogniser.hpp"

#include "db/UserError.hpp"

#include <glib.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>

namespace salon::pos::corporate {

namespace {

using K = RequestKind;

// Weights: 3 or more is a stem that alone says what is asked ("заблокировать", "PUK"); 1 or 2 a word that
// says it only beside another ("адрес" with "счета"). Unblocking outweighs blocking, whose words it contains
// ("снять блокировку").
constexpr std::array kKeywords{
    RequestKeyword{K::block_sim, "^заблокир", 3},
    RequestKeyword{K::block_sim, "^блокир", 3},
    RequestKeyword{K::block_sim, "^утер", 2},
    RequestKeyword{K::block_sim, "^утрат", 2},
    RequestKeyword{K::block_sim, "^потерял", 2},
    RequestKeyword{K::block_sim, "^украл", 2},
    RequestKeyword{K::block_sim, "^украден", 2},
    RequestKeyword{K::block_sim, "^кража", 2},
    RequestKeyword{K::block_sim, "^похищ", 2},
    RequestKeyword{K::block_sim, "^приостанов", 2},
    RequestKeyword{K::block_sim, "^отключить номер", 3},
    RequestKeyword{K::block_sim, "^отключите номер", 3},
    RequestKeyword{K::block_sim, "^отключ", 1},

    RequestKeyword{K::unblock_sim, "^разблок", 6},
    RequestKeyword{K::unblock_sim, "^снять блокир", 6},
    RequestKeyword{K::unblock_sim, "^снятие блокир", 6},
    RequestKeyword{K::unblock_sim, "^снимите блокир", 6},
    RequestKeyword{K::unblock_sim, "^возобнов", 4},

    RequestKeyword{K::change_personal_data, "^персональн", 3},
    RequestKeyword{K::change_personal_data, "^паспорт", 2},
    RequestKeyword{K::change_personal_data, "^фио$", 2},
    RequestKeyword{K::change_personal_data, "^данные пользовател", 3},
    RequestKeyword{K::change_personal_data, "^данных пользовател", 3},
    RequestKeyword{K::change_personal_data, "^данные абонент", 3},
    RequestKeyword{K::change_personal_data, "^данных абонент", 3},
    RequestKeyword{K::change_personal_data, "^смена пользовател", 3},
    RequestKeyword{K::change_personal_data, "^сменить пользовател", 3},
    RequestKeyword{K::change_personal_data, "^переоформ", 2},
    RequestKeyword{K::change_personal_data, "^адрес регистрац", 3},
    RequestKeyword{K::change_personal_data, "^фамили", 1},

    RequestKeyword{K::restore_pin_puk, "^pin", 3},
    RequestKeyword{K::restore_pin_puk, "^puk", 3},
    RequestKeyword{K::restore_pin_puk, "^пин$", 3},
    RequestKeyword{K::restore_pin_puk, "^пин-код", 3},
    RequestKeyword{K::restore_pin_puk, "^пук", 3},

    RequestKeyword{K::spending_limit, "^лимит", 3},
    RequestKeyword{K::spending_limit, "^порог", 2},
    RequestKeyword{K::spending_limit, "^ограничен", 1},
    RequestKeyword{K::spending_limit, "^расход", 1},

    RequestKeyword{K::billing_address, "^адрес доставки счет", 4},
    RequestKeyword{K::billing_address, "^адрес для счет", 4},
    RequestKeyword{K::billing_address, "^адрес для корреспонденц", 4},
    RequestKeyword{K::billing_address, "^почтов", 1},
    RequestKeyword{K::billing_address, "^адрес", 1},
    RequestKeyword{K::billing_address, "^счет", 1},
    RequestKeyword{K::billing_address, "^доставк", 1},
    RequestKeyword{K::billing_address, "^корреспонденц", 2},

    RequestKeyword{K::restore_cabinet_login, "^кабинет", 2},
    RequestKeyword{K::restore_cabinet_login, "^лк$", 2},
    RequestKeyword{K::restore_cabinet_login, "^логин", 2},
    RequestKeyword{K::restore_cabinet_login, "^парол", 1},
    RequestKeyword{K::restore_cabinet_login, "^доступ", 1},

    RequestKeyword{K::transfer_payment, "^ошибочн", 3},
    RequestKeyword{K::transfer_payment, "^по ошибке", 2},
    RequestKeyword{K::transfer_payment, "^не на тот", 2},
    RequestKeyword{K::transfer_payment, "^платеж", 1},
    RequestKeyword{K::transfer_payment, "^оплат", 1},
    RequestKeyword{K::transfer_payment, "^перенест", 1},
    RequestKeyword{K::transfer_payment, "^перенос", 1},
    RequestKeyword{K::transfer_payment, "^зачисл", 1},

    RequestKeyword{K::number_list, "^список номеров", 4},
    RequestKeyword{K::number_list, "^списка номеров", 4},
    RequestKeyword{K::number_list, "^перечень номеров", 4},
    RequestKeyword{K::number_list, "^всех номеров", 3},
    RequestKeyword{K::number_list, "^все номера", 3},
    RequestKeyword{K::number_list, "^спис", 1},
    RequestKeyword{K::number_list, "^перечен", 1},
    RequestKeyword{K::number_list, "^реестр", 1},
};

struct GFree {
    void operator()(gpointer p) const { g_free(p); }
};

// Lower case, "ё" as "е", every run of white space or punctuation but '-' one space: the form the stems
// are written in.
std::string normalise(std::string_view text) {
    std::unique_ptr<char, GFree> valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    std::unique_ptr<char, GFree> lower(g_utf8_strdown(valid.get(), -1));
    std::string out;
    bool space = true;
    for (const char* p = lower.get(); *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == U'ё') c = U'е';
        if (g_unichar_isalnum(c) || c == '-') {
            char buf[6];
            out.append(buf, static_cast<std::size_t>(g_unichar_to_utf8(c, buf)));
            space = false;
        } else if (!space) {
            out += ' ';
            space = true;
        }
    }
    return out;
}

// The body without the lines a reply quotes ("> ..."): those are the salon's own words or an older mail.
std::string unquoted(std::string_view body) {
    std::string out;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        const auto line = body.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] != '>') {
            out.append(line);
            out += '\n';
        }
        start = end + 1;
    }
    return out;
}

bool found(std::string_view text, std::string_view stem) {
    bool word_start = false, word_end = false;
    if (!stem.empty() && stem.front() == '^') {
        word_start = true;
        stem.remove_prefix(1);
    }
    if (!stem.empty() && stem.back() == '$') {
        word_end = true;
        stem.remove_suffix(1);
    }
    for (std::size_t at = text.find(stem); at != std::string_view::npos; at = text.find(stem, at + 1)) {
        // normalise() leaves single spaces between words, so a word starts at the text's start or after one.
        if (word_start && at > 0 && text[at - 1] != ' ') continue;
        const std::size_t end = at + stem.size();
        if (word_end && end < text.size() && text[end] != ' ') continue;
        return true;
    }
    return false;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::span<const RequestKeyword> request_keywords() { return kKeywords; }

RequestRecogniser::RequestRecogniser(std::span<const RequestKeyword> keywords) : keywords_(keywords) {}

std::optional<RecognisedRequest> RequestRecogniser::recognise(std::string_view subject,
                                                              std::string_view body) const {
    const std::string body_text = unquoted(body);
    const std::string s = normalise(subject), b = normalise(body_text);
    std::map<RequestKind, int> scores;
    for (const auto& k : keywords_) {
        int score = 0;
        if (found(s, k.stem)) score += 2 * k.weight;
        if (found(b, k.stem)) score += k.weight;
        if (score) scores[k.kind] += score;
    }
    std::optional<RecognisedRequest> best;
    bool tied = false;
    for (const auto& [kind, score] : scores) {
        if (score < kRecogniseThreshold) continue;
        if (!best || score > best->score) {
            best = RecognisedRequest{.kind = kind, .numbers = {}, .score = score};
            tied = false;
        } else if (score == best->score) {
            tied = true;
        }
    }
    if (!best || tied) return std::nullopt;
    best->numbers = numbers_in(std::string(subject) + "\n" + body_text);
    return best;
}

std::vector<Msisdn> RequestRecogniser::numbers_in(std::string_view text) {
    std::vector<Msisdn> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const char c = text[i];
        const bool plus = c == '+';
        if (!(plus || ascii_digit(c)) || (i > 0 && (ascii_alnum(text[i - 1]) || text[i - 1] == '+'))) {
            ++i;
            continue;
        }
        // An INN, OGRN or KPP written before the digits is no phone number, whatever its length.
        const std::size_t from = i >= 12 ? i - 12 : 0;
        std::string before(text.substr(from, i - from));
        std::transform(before.begin(), before.end(), before.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        const bool identifier = before.find("\xd0\x98\xd0\x9d\xd0\x9d") != std::string::npos     // "ИНН"
                                || before.find("\xd0\xb8\xd0\xbd\xd0\xbd") != std::string::npos  // "инн"
                                || before.find("inn") != std::string::npos;
        std::string digits;
        std::size_t j = plus ? i + 1 : i;
        std::size_t want = 0;
        int separators = 0;
        while (j < n) {
            const char d = text[j];
            if (ascii_digit(d)) {
                digits += d;
                separators = 0;
                if (digits.size() == 1) want = (d == '9' && !plus) ? 10 : 11;
                ++j;
                if (digits.size() == want) break;
            } else if ((d == ' ' || d == '-' || d == '(' || d == ')' || d == '.') && !digits.empty() &&
                       ++separators <= 2) {
                ++j;
            } else {
                break;
            }
        }
        const bool complete = want && digits.size() == want && (j >= n || !ascii_digit(text[j]));
        const bool russian = complete && (want == 10 || digits[0] == '7' || (digits[0] == '8' && !plus));
        if (russian && !identifier) {
            try {
                const Msisdn number = Msisdn::parse(want == 10 ? digits : "+7" + digits.substr(1));
                if (std::find(out.begin(), out.end(), number) == out.end()) out.push_back(number);
            } catch (const ValidationError&) {
                // A landline or a toll-free number: not one of the company's SIM cards.
            }
        }
        i = std::max(j, i + 1);
    }
    return out;
}

}  // namespace salon::pos::corporate
