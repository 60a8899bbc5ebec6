#include "pos/corporate/RequestKind.hpp"

#include "db/UserError.hpp"

#include <array>

namespace salon::pos::corporate {

namespace {

// Due times are the station's assumption: domain.md names the requests (R-CORP-5, R-CORP-13) but gives no
// deadlines. A lost or stolen SIM is blocked within the hour (every minute costs the company money), as is
// an unblocking; codes, limits and the cabinet login are restored the next day; personal data, the billing
// address and the numbers list within three days; an erroneous payment needs the bank's confirmation, so
// ten days (240 hours).
constexpr std::array kKinds{
    RequestKindInfo{RequestKind::block_sim, "block_sim", true, 1},
    RequestKindInfo{RequestKind::change_personal_data, "change_personal_data", true, 72},
    RequestKindInfo{RequestKind::restore_pin_puk, "restore_pin_puk", true, 24},
    RequestKindInfo{RequestKind::spending_limit, "spending_limit", true, 24},
    RequestKindInfo{RequestKind::billing_address, "billing_address", false, 72},
    RequestKindInfo{RequestKind::restore_cabinet_login, "restore_cabinet_login", false, 24},
    RequestKindInfo{RequestKind::transfer_payment, "transfer_payment", false, 240},
    RequestKindInfo{RequestKind::number_list, "number_list", false, 72},
    RequestKindInfo{RequestKind::unblock_sim, "unblock_sim", true, 1},
};

}  // namespace

std::span<const RequestKindInfo> request_kinds() { return kKinds; }

const RequestKindInfo& info(RequestKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k;
    return kKinds.front();
}

const char* code(RequestKind kind) { return info(kind).code; }

Text label(RequestKind kind) {
    switch (kind) {
    case RequestKind::block_sim: return tr("block a SIM");
    case RequestKind::change_personal_data: return tr("change a subscriber's personal data");
    case RequestKind::restore_pin_puk: return tr("restore PIN and PUK codes");
    case RequestKind::spending_limit: return tr("set a spending limit");
    case RequestKind::billing_address: return tr("change the address bills are sent to");
    case RequestKind::restore_cabinet_login: return tr("restore the cabinet login and password");
    case RequestKind::transfer_payment: return tr("transfer an erroneous payment");
    case RequestKind::number_list: return tr("the list of the company's numbers");
    case RequestKind::unblock_sim: return tr("unblock a SIM");
    }
    return tr("block a SIM");
}

std::optional<RequestKind> request_kind_from_code(std::string_view text) {
    for (const auto& k : kKinds)
        if (text == k.code) return k.kind;
    return std::nullopt;
}

RequestKind parse_request_kind(std::string_view text) {
    if (auto kind = request_kind_from_code(text)) return *kind;
    std::string codes;
    for (const auto& k : kKinds) codes += (codes.empty() ? "" : ", ") + std::string(k.code);
    throw ValidationError(tr("request kind"),
                          trf("unknown kind \"{1}\"; one of: {2}", {std::string(text), codes}));
}

}  // namespace salon::pos::corporate
