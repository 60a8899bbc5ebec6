// The kinds of request a company makes through its remote service (R-CORP-5), the request for the list of
// its numbers (R-CORP-13) and the unblocking of a number blocked before, as data: the code stored, the name
// shown, whether the request is about particular numbers, and how long the salon has to carry it out.
#pragma once

#include "db/Text.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace salon::pos::corporate {

enum class RequestKind {
    block_sim,
    change_personal_data,
    restore_pin_puk,
    spending_limit,
    billing_address,
    restore_cabinet_login,
    transfer_payment,
    number_list,
    unblock_sim,
};

struct RequestKindInfo {
    RequestKind kind;
    const char* code;        // corporate_request.kind
    bool per_number;         // one request per number the company names, and at least one is needed
    std::int64_t due_hours;  // from the moment it is taken to the moment it is due
};

// Every kind, in the order the desk lists them.
std::span<const RequestKindInfo> request_kinds();
const RequestKindInfo& info(RequestKind kind);
const char* code(RequestKind kind);
Text label(RequestKind kind);
// The kind for its stored code ("block_sim"); nullopt for anything else.
std::optional<RequestKind> request_kind_from_code(std::string_view code);
// The kind as typed at the desk or on the command line: the code; throws ValidationError naming the field
// and listing the codes.
RequestKind parse_request_kind(std::string_view text);

}  // namespace salon::pos::corporate
