// Tells what a company's mail asks for (R-CORP-5, R-CORP-13) and which numbers it names, from Russian as
// clients really write it ("прошу заблокировать сим-карту 8 (912) 345-67-89, утеряна"). The words are data:
// a table of stems per kind, each with a weight, matched in the subject (counted twice) and the body
// (quoted lines of a reply left out). The kind with the highest score wins; no kind reaching the
// threshold, or two kinds tied, is no request the station recognises, and a person reads the mail.
#pragma once

#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/corporate/RequestKind.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace salon::pos::corporate {

// One stem: lower-case, "ё" written "е". A leading '^' means it must start a word ("^блокир" is not found
// in "разблокировать"), a trailing '$' that it must end one ("^лк$"). Several words are matched with
// single spaces between them.
struct RequestKeyword {
    RequestKind kind;
    const char* stem;
    int weight;
};

// The station's table (RequestRecogniser.cpp).
std::span<const RequestKeyword> request_keywords();

// A score this high is needed to call a mail a request.
inline constexpr int kRecogniseThreshold = 3;

struct RecognisedRequest {
    RequestKind kind;
    std::vector<Msisdn> numbers;  // every mobile number the mail names, in order, once each
    int score = 0;
};

class RequestRecogniser {
public:
    explicit RequestRecogniser(std::span<const RequestKeyword> keywords = request_keywords());
    // The request the mail makes; nullopt when it makes none the station recognises.
    std::optional<RecognisedRequest> recognise(std::string_view subject, std::string_view body) const;
    // Every Russian mobile number written in `text`, in any of the ways people write them ("+7 912 345 67
    // 89", "8(912)345-67-89", "89123456789", "9123456789"); an INN, an account or a card number is not one.
    static std::vector<Msisdn> numbers_in(std::string_view text);

private:
    std::span<const RequestKeyword> keywords_;
};

}  // namespace salon::pos::corporate
