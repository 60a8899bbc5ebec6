#include "pos/core/sale/PortInApplication.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/common/Money.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/core/sale/ReceiptDocument.hpp"
#include "pos/core/sale/Sale.hpp"

#include <soci/soci.h>

namespace salon::pos {

std::vector<PortInApplication> port_in_applications(db::Database& db, const Actor& actor, std::int64_t sale_id) {
    const SaleRecord sale = get_sale(db, actor, sale_id);
    std::vector<PortInApplication> out;
    if (sale.kind != "sale" || sale.client_id == 0) {
        throw ValidationError(
            tr("Sale"), trf("sale {1} brings no number over: it has no port-in application", {std::to_string(sale_id)}));
    }
    // The client as the contract shows him, and the consent his contracts carry (the latest version he
    // signed, else the one in force): the same for every number of the sale.
    const ClientSummary who = client_summary(db, actor, sale.client_id);
    const ConsentState consent = consent_state(db, actor, sale.client_id);
    const ConsentText& text = consent.recorded() && consent_text(consent.text_version)
                                  ? *consent_text(consent.text_version)
                                  : current_consent_text();
    for (const auto& line : sale.lines) {
        if (line.kind != LineKind::port_in) continue;
        long long request_id = 0;
        const long long line_id = line.id;
        if (!db.run("SELECT id FROM port_request WHERE sale_line_id = :l", soci::use(line_id), soci::into(request_id)))
            continue;
        const PortRequestRow r = get_port_request(db, actor, request_id);
        PortInApplication a;
        a.sale_id = sale.id;
        a.port_request_id = r.id;
        a.signed_at = sale.created_at;
        a.time_zone = sale.time_zone;
        a.dealer_name = sale.dealer_name;
        a.dealer_inn = sale.dealer_inn;
        a.salon_name = sale.salon_name;
        a.salon_address = sale.salon_address;
        a.staff_name = sale.staff_name;
        a.client_name = who.full_name;
        a.client_passport = who.passport;
        a.number = r.number;
        a.donor_operator = r.donor_operator;
        try {
            a.desired_date = CalendarDate::parse(r.desired_date, "desired_date", tr("Transfer date")).display();
        } catch (const UserError&) {
            a.desired_date = r.desired_date;
        }
        a.tariff = r.tariff_name;
        a.status = port_status_title(r.status).str();
        for (const PortStatusChange& c : port_request_history(db, actor, r.id))
            if (!c.iccid.empty()) a.iccid = c.iccid;
        a.fee = line.amount.kopecks();
        a.consent_version = text.version;
        a.marketing = consent.marketing;
        a.withdrawn_at = consent.withdrawn_at;
        out.push_back(std::move(a));
    }
    if (out.empty())
        throw ValidationError(
            tr("Sale"), trf("sale {1} brings no number over: it has no port-in application", {std::to_string(sale_id)}));
    return out;
}

std::vector<std::string> port_in_application_text(const PortInApplication& a) {
    std::vector<std::string> out;
    const std::string on = CalendarDate::of(a.signed_at, a.time_zone).display();
    out.push_back(tr("Application for the transfer of a subscriber number").str());
    out.push_back(trf("No. {1} of {2} (sale {3})", {std::to_string(a.port_request_id), on, std::to_string(a.sale_id)})
                      .str());
    out.push_back(trf("Accepted at the salon \"{1}\" ({2}) of {3}, INN {4}, acting for the operator; specialist {5}.",
                      {a.salon_name, a.salon_address, a.dealer_name, a.dealer_inn, a.staff_name})
                      .str());
    out.push_back(trf("Subscriber: {1}, passport {2}.", {a.client_name, a.client_passport}).str());
    out.push_back(trf("I ask to transfer my subscriber number {1}, now served by {2}, to the operator on {3}.",
                      {a.number, a.donor_operator, a.desired_date})
                      .str());
    out.push_back(trf("At the operator the number {1} is served on the tariff \"{2}\".", {a.number, a.tariff}).str());
    out.push_back(a.iccid.empty()
                      ? tr("SIM card (ICCID): issued at the transfer; the number works with the donor until then.").str()
                      : trf("SIM card (ICCID): {1}.", {a.iccid}).str());
    out.push_back(a.fee == 0 ? tr("The transfer is free of charge: no payment was taken, so no cash receipt is issued.").str()
                             : trf("Paid for the transfer: {1} (see the cash receipt).",
                                   {Money::from_kopecks(a.fee).format()})
                                   .str());
    out.push_back(trf("Request status: {1}.", {a.status}).str());
    out.push_back(tr("I confirm that the number is registered to me, that I have no debt to the donor operator, and "
                     "that the contract with the donor ends for this number on the day of the transfer.")
                      .str());
    if (const ConsentText* text = consent_text(a.consent_version))
        for (auto& p : consent_paragraphs(*text, a.marketing)) out.push_back(std::move(p));
    if (a.withdrawn_at)
        out.push_back(trf("The subscriber withdrew this consent on {1}.",
                          {CalendarDate::of(a.withdrawn_at, a.time_zone).display()})
                          .str());
    return out;
}

std::vector<std::string> port_in_application_lines(const PortInApplication& a, int width_chars) {
    const int width = std::max(width_chars, 24);
    std::vector<std::string> out;
    const std::vector<std::string> text = port_in_application_text(a);
    for (const std::string& head : {a.dealer_name, a.salon_name, a.salon_address})
        if (!head.empty())
            for (auto& l : receipt_wrap(head, width)) out.push_back(std::move(l));
    out.push_back(std::string(static_cast<std::size_t>(width), '-'));
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (auto& l : receipt_wrap(text[i], width)) out.push_back(std::move(l));
        if (i == 1 || i + 1 < text.size()) out.push_back("");
    }
    // The signatures: the subscriber signs the application and the consent in it, the specialist accepts it.
    for (const std::string& who : {tr("Subscriber").str(), tr("Specialist of the salon").str()}) {
        out.push_back("");
        out.push_back(who);
        out.push_back("");
        out.push_back(std::string(static_cast<std::size_t>(width / 2 - 1), '_') + "  " +
                      std::string(static_cast<std::size_t>(width - width / 2 - 1), '_'));
        out.push_back(tr("signature").str());
    }
    return out;
}

}  // namespace salon::pos
