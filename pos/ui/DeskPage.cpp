#include "pos/ui/DeskPage.hpp"

#include "db/Database.hpp"
#include "db/UserError.hpp"
#include "pos/core/common/CalendarDate.hpp"
#include "pos/core/sale/Client.hpp"
#include "pos/core/sale/DeskSearch.hpp"
#include "pos/core/sale/PersonalDataConsent.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/identifiers/Iccid.hpp"
#include "pos/core/identifiers/Msisdn.hpp"
#include "pos/core/catalog/ProductCatalog.hpp"
#include "pos/core/sale/PortRequest.hpp"
#include "pos/core/sale/Queue.hpp"
#include "pos/core/sale/Shift.hpp"
#include "pos/core/catalog/TariffAdvisor.hpp"
#include "pos/ui/ListColumns.hpp"
#include "pos/ui/TariffAdvisorDialog.hpp"
#include "pos/ui/FiscalQueuePage.hpp"
#include "pos/ui/WxLabels.hpp"

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/choicdlg.h>
#include <wx/textdlg.h>
#include <wx/wrapsizer.h>

#include <cctype>

namespace salon::ui {

namespace {

wxString money(const pos::Money& m) { return wxString::FromUTF8(m.format()); }

wxTextCtrl* input(wxWindow* parent, long style = 0) {
    return new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, style | wxTE_PROCESS_ENTER);
}

std::string text_of(const wxTextCtrl* t) { return t->GetValue().utf8_string(); }

}  // namespace

DeskPage::DeskPage(wxWindow* parent, db::Database& db, const pos::Actor& actor, std::string till,
                   std::function<void(std::int64_t)> show_receipt,
                   std::function<void(std::int64_t, const std::string&)> ask_rating)
    : StationPage(parent),
      db_(db),
      actor_(actor),
      till_(std::move(till)),
      show_receipt_(std::move(show_receipt)),
      ask_rating_(std::move(ask_rating)) {
    build();
    // An interrupted sale of this person at this till comes back.
    try {
        if (auto saved = pos::load_draft(db_, actor_, till_)) {
            draft_ = *saved;
            visit_id_ = draft_.visit_id;
            passport_->ChangeValue(wxString::FromUTF8(draft_.client.passport));
            full_name_->ChangeValue(wxString::FromUTF8(draft_.client.full_name));
            birth_date_->ChangeValue(wxString::FromUTF8(draft_.client.birth_date));
            issued_on_->ChangeValue(wxString::FromUTF8(draft_.client.document_issued_on));
            issuer_->ChangeValue(wxString::FromUTF8(draft_.client.document_issuer));
            address_->ChangeValue(wxString::FromUTF8(draft_.client.address));
            phone_->ChangeValue(wxString::FromUTF8(draft_.client.phone));
            marketing_consent_->SetValue(draft_.marketing_consent);
            if (!draft_.lines.empty()) status(ui_text(tr("The unfinished sale was restored.")), false);
        }
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
    refresh();
}

void DeskPage::build() {
    // The header: the shift, the visitor, what happened last.
    shift_text_ = new wxStaticText(this, wxID_ANY, wxString());
    visit_text_ = new wxStaticText(this, wxID_ANY, wxString());
    visit_text_->SetFont(visit_text_->GetFont().Bold().Scaled(1.2f));
    auto* call = new wxButton(this, wxID_ANY, ui_text(tr("Call next (F3)")));
    auto* finish = new wxButton(this, wxID_ANY, ui_text(tr("End visit (F4)")));
    auto* thanks = new wxButton(this, wxID_ANY, ui_text(tr("Thanks…")));
    auto* ticket = new wxButton(this, wxID_ANY, ui_text(tr("Ticket (Ctrl+T)")));
    ticket->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { take_ticket(); });
    call->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { call_next(); });
    finish->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { finish_visit(); });
    thanks->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record_thanks(); });
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    // One box for any card, number or passport (Ctrl+F): the answer shows in the status line, masked.
    search_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)), wxTE_PROCESS_ENTER);
    search_->SetHint(ui_text(tr("ICCID, number or passport (Ctrl+F)")));
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(); });
    // The visitor and the shift on their own lines, the search and the queue's buttons below them: on one
    // line they did not fit a 1024-pixel screen.
    auto* header = new wxBoxSizer(wxVERTICAL);
    auto* header_text = new wxBoxSizer(wxVERTICAL);
    header_text->Add(visit_text_);
    header_text->Add(shift_text_, 0, wxTOP, 2);
    // The search box keeps room for its whole hint; on a narrow screen the buttons go to a second row.
    auto* header_keys = new wxWrapSizer(wxHORIZONTAL);
    search_->SetMinSize(
        wxSize(search_->GetSizeFromTextSize(search_->GetTextExtent(search_->GetHint())).GetWidth() + FromDIP(32), -1));
    header_keys->Add(search_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, 6);
    for (wxButton* b : {call, finish, thanks, ticket}) header_keys->Add(b, 0, wxRIGHT | wxBOTTOM, 6);
    header->Add(header_text, 0, wxEXPAND);
    header->Add(header_keys, 0, wxEXPAND | wxTOP, 6);

    // The operation being typed.
    auto* entry_panel = new wxPanel(this);
    entry_ = std::make_unique<FormFields>(entry_panel);
    operation_choice_ = new wxChoice(entry_panel, wxID_ANY);
    for (const Text& t : {tr("Balance top-up (F5)"), tr("SIM card sale (F6)"), tr("SIM replacement (F7)"),
                          tr("Tariff change (F8)"), tr("Service or option (F9)"), tr("Gadget or accessory (Shift+F9)"),
                          tr("Number transfer (Shift+F6)")})
        operation_choice_->Append(ui_text(t));
    number_ = input(entry_panel);
    iccid_ = input(entry_panel);
    tariff_ = new wxChoice(entry_panel, wxID_ANY);
    auto* advisor = new wxButton(entry_panel, wxID_ANY, ui_text(tr("Advisor (F11)")));
    advisor->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_advisor(); });
    auto* tariff_row = new wxBoxSizer(wxHORIZONTAL);
    tariff_row->Add(tariff_, 1, wxALIGN_CENTER_VERTICAL);
    tariff_row->Add(advisor, 0, wxLEFT, 4);
    product_ = new wxChoice(entry_panel, wxID_ANY);
    quantity_ = input(entry_panel);
    amount_ = input(entry_panel);
    donor_ = new wxChoice(entry_panel, wxID_ANY);
    for (const std::string& name : pos::donor_operators()) donor_->Append(wxString::FromUTF8(name));
    date_ = input(entry_panel);
    imei_ = input(entry_panel);
    entry_->add("operation", tr("Operation"), operation_choice_);
    // Each input's row is shown only for the operations that use it.
    client_numbers_ = new wxChoice(entry_panel, wxID_ANY);
    client_numbers_->SetToolTip(ui_text(tr("The known client's numbers in service")));
    client_numbers_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int at = client_numbers_->GetSelection();
        if (at <= 0) return;
        number_->ChangeValue(wxString::FromUTF8(pos::Msisdn::stored(client_msisdns_[static_cast<std::size_t>(at - 1)]).display()));
        number_->SetFocus();
    });
    // Tab from the number reaches the list; both share the row (the list's entries are long).
    client_numbers_->MoveAfterInTabOrder(number_);
    client_numbers_->SetMinSize(FromDIP(wxSize(110, -1)));
    number_->SetMinSize(FromDIP(wxSize(130, -1)));
    auto* number_row = new wxBoxSizer(wxHORIZONTAL);
    number_row->Add(number_, 1, wxALIGN_CENTER_VERTICAL);
    number_row->Add(client_numbers_, 1, wxLEFT, 4);
    rows_[number_] = {entry_->add("msisdn", tr("Number"), number_row, number_), {number_, client_numbers_}};
    rows_[iccid_] = {entry_->add("iccid", tr("ICCID (scan)"), iccid_), {iccid_}};
    rows_[tariff_] = {entry_->add("tariff", tr("Tariff"), tariff_row, tariff_), {tariff_, advisor}};
    rows_[product_] = {entry_->add("product", tr("Product"), product_), {product_}};
    rows_[imei_] = {entry_->add("imei", tr("IMEI (scan)"), imei_), {imei_}};
    rows_[quantity_] = {entry_->add("quantity", tr("Quantity"), quantity_), {quantity_}};
    rows_[amount_] = {entry_->add("amount", tr("Amount"), amount_), {amount_}};
    rows_[donor_] = {entry_->add("donor", tr("Donor operator"), donor_), {donor_}};
    rows_[date_] = {entry_->add("desired_date", tr("Transfer date"), date_), {date_}};
    auto* add = new wxButton(entry_panel, wxID_ANY, ui_text(tr("Add to the sale (Enter)")));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_line(); });
    auto* entry_sizer = new wxBoxSizer(wxVERTICAL);
    auto* entry_title = new wxStaticText(entry_panel, wxID_ANY, ui_text(tr("Operation")));
    entry_title->SetFont(entry_title->GetFont().Bold());
    entry_sizer->Add(entry_title, 0, wxBOTTOM, 6);
    entry_sizer->Add(entry_->sizer(), 0, wxEXPAND);
    entry_sizer->Add(add, 0, wxALIGN_RIGHT | wxTOP, 8);
    entry_panel->SetSizer(entry_sizer);
    operation_choice_->Bind(wxEVT_CHOICE,
                            [this](wxCommandEvent&) { choose_operation(Operation(operation_choice_->GetSelection())); });
    for (wxTextCtrl* t : {number_, iccid_, quantity_, amount_, date_, imei_})
        t->Bind(wxEVT_TEXT_ENTER, [this, t](wxCommandEvent&) { on_enter(t); });
    // A scanner types the ICCID's digits and Enter: the check digit is checked on the spot.
    iccid_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        const std::string typed = text_of(iccid_);
        if (typed.empty()) return;
        try {
            pos::Iccid::parse(typed);
        } catch (const ValidationError& e2) {
            entry_->show_error("iccid", wxString::FromUTF8(e2.reason().str()));
        }
    });

    // The client's registration form (R-POS-7); a known client needs the passport only.
    auto* client_panel = new wxPanel(this);
    client_ = std::make_unique<FormFields>(client_panel);
    passport_ = input(client_panel);
    full_name_ = input(client_panel);
    birth_date_ = input(client_panel);
    issued_on_ = input(client_panel);
    issuer_ = input(client_panel);
    address_ = input(client_panel);
    phone_ = input(client_panel);
    client_->add("passport", tr("Passport"), passport_);
    client_->add("full_name", tr("Full name"), full_name_);
    client_->add("birth_date", tr("Date of birth"), birth_date_);
    client_->add("document_issued_on", tr("Date of issue"), issued_on_);
    client_->add("document_issuer", tr("Issued by"), issuer_);
    client_->add("address", tr("Registration address"), address_);
    client_->add("phone", tr("Contact phone"), phone_);
    known_client_ = new wxStaticText(client_panel, wxID_ANY, wxString());
    marketing_consent_ = new wxCheckBox(client_panel, wxID_ANY,
                                        ui_text(tr("The client agrees to offers by phone and SMS")));
    marketing_consent_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { save_draft(); });
    withdraw_consent_ = new wxButton(client_panel, wxID_ANY, ui_text(tr("Withdraw consent to personal data...")));
    withdraw_consent_->Hide();
    withdraw_consent_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { withdraw_known_client_consent(); });
    auto* client_sizer = new wxBoxSizer(wxVERTICAL);
    auto* client_title = new wxStaticText(client_panel, wxID_ANY, ui_text(tr("Client (SIM sale, replacement, transfer)")));
    client_title->SetFont(client_title->GetFont().Bold());
    client_sizer->Add(client_title, 0, wxBOTTOM, 6);
    client_sizer->Add(client_->sizer(), 0, wxEXPAND);
    client_sizer->Add(marketing_consent_, 0, wxTOP, 6);
    client_sizer->Add(known_client_, 0, wxTOP, 6);
    client_sizer->Add(withdraw_consent_, 0, wxTOP, 4);
    client_panel->SetSizer(client_sizer);
    passport_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        // A known client needs nothing more of the form: on to the operation's first input (the number).
        if (look_up_passport()) return inputs_for(operation_).front()->SetFocus();
        Navigate();
    });
    passport_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        look_up_passport();
    });
    for (wxTextCtrl* t : {full_name_, birth_date_, issued_on_, issuer_, address_, phone_}) {
        t->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Navigate(); });
        t->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            e.Skip();
            CallAfter([this] { save_draft(); });
        });
    }

    // The sale: its lines and the payment.
    auto* sale_panel = new wxPanel(this);
    lines_ = new wxListCtrl(sale_panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    lines_->AppendColumn("№", wxLIST_FORMAT_RIGHT, FromDIP(32));
    lines_->AppendColumn(ui_text(tr("Item")), wxLIST_FORMAT_LEFT, FromDIP(280));
    lines_->AppendColumn(ui_text(tr("Qty")), wxLIST_FORMAT_RIGHT, wxLIST_AUTOSIZE_USEHEADER);
    lines_->AppendColumn(ui_text(tr("Amount")), wxLIST_FORMAT_RIGHT, FromDIP(100));
    lines_->AppendColumn(ui_text(tr("VAT")), wxLIST_FORMAT_RIGHT, FromDIP(90));
    stretch_column(lines_, 1);
    lines_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE) return void_selected_line();
        e.Skip();
    });
    payment_ = std::make_unique<FormFields>(sale_panel);
    total_ = new wxStaticText(sale_panel, wxID_ANY, wxString());
    total_->SetFont(total_->GetFont().Bold().Scaled(1.4f));
    cash_ = input(sale_panel);
    card_ = input(sale_panel);
    change_ = new wxStaticText(sale_panel, wxID_ANY, wxString());
    change_->SetFont(change_->GetFont().Bold());
    payment_->add("total", tr("Total to pay"), total_);
    payment_->add("paid_cash", tr("Cash"), cash_);
    payment_->add("paid_card", tr("Card"), card_);
    payment_->add("change", tr("Change"), change_);
    auto* pay_button = new wxButton(sale_panel, wxID_ANY, ui_text(tr("Pay (F12)")));
    pay_button->SetFont(pay_button->GetFont().Bold());
    pay_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pay(); });
    for (wxTextCtrl* t : {cash_, card_}) {
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_change(); });
        t->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { pay(); });
    }
    auto* sale_sizer = new wxBoxSizer(wxVERTICAL);
    auto* sale_title = new wxStaticText(sale_panel, wxID_ANY, ui_text(tr("Sale (Delete voids a line)")));
    sale_title->SetFont(sale_title->GetFont().Bold());
    sale_sizer->Add(sale_title, 0, wxBOTTOM, 6);
    sale_sizer->Add(lines_, 1, wxEXPAND);
    sale_sizer->Add(payment_->sizer(), 0, wxEXPAND | wxTOP, 8);
    sale_sizer->Add(pay_button, 0, wxALIGN_RIGHT | wxTOP, 8);
    sale_panel->SetSizer(sale_sizer);

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(entry_panel, 0, wxEXPAND);
    left->Add(client_panel, 0, wxEXPAND | wxTOP, 12);
    entry_panel->SetMinSize(FromDIP(wxSize(360, -1)));
    client_panel->SetMinSize(FromDIP(wxSize(360, -1)));
    columns->Add(left, 0, wxEXPAND | wxRIGHT, 12);
    columns->Add(sale_panel, 1, wxEXPAND);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(header, 0, wxEXPAND | wxALL, 8);
    top->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    top->Add(columns, 1, wxEXPAND | wxALL, 8);
    SetSizer(top);

    // The desk's keys work wherever the focus is on this page.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (!IsShownOnScreen()) return e.Skip();  // a hidden page's input may still hold the focus
        switch (e.GetKeyCode()) {
        case 'F':
            // Ctrl alone: Ctrl+Shift+F is the fiscal registrar's page, which the main window opens.
            if (e.GetModifiers() != wxMOD_CONTROL) return e.Skip();
            search_->SetFocus();
            return search_->SelectAll();
        case 'T':
            if (!e.ControlDown()) return e.Skip();
            return take_ticket();
        case WXK_F3: return call_next();
        case WXK_F4: return finish_visit();
        case WXK_F5: return choose_operation(Operation::top_up);
        case WXK_F6: return choose_operation(e.ShiftDown() ? Operation::port_in : Operation::sim);
        case WXK_F7: return choose_operation(Operation::replacement);
        case WXK_F8: return choose_operation(Operation::tariff_change);
        case WXK_F9: return choose_operation(e.ShiftDown() ? Operation::goods : Operation::service);
        case WXK_F11: return open_advisor();
        case WXK_F12:
            // First F12 goes to the payment, both fields empty: the client says how he pays, and the
            // specialist types the cash handed over or the card's amount; Enter there (or F12 again) pays.
            // Nothing is preset, so a card payment is never recorded as cash.
            if (cash_->IsEmpty() && card_->IsEmpty() && !draft_.lines.empty() && FindFocus() != cash_ &&
                FindFocus() != card_) {
                cash_->SetFocus();
                return status(ui_text(tr("How does the client pay? Type the cash handed over, or Tab to the card's amount.")),
                              false);
            }
            return pay();
        case WXK_RETURN:
        case WXK_NUMPAD_ENTER: {
            // A choice has no Enter of its own: on the desk it moves on like a text input.
            wxWindow* focus = FindFocus();
            if (focus == tariff_ || focus == product_ || focus == donor_) return on_enter(focus);
            return e.Skip();
        }
        default: e.Skip();
        }
    });
    choose_operation(Operation::top_up);
}

void DeskPage::refresh() {
    try {
        fill_choices();
        const auto shift = pos::open_shift_at(db_, actor_, till_);
        if (!shift) {
            shift_text_->SetLabel(ui_text(tr("No shift is open at this till: open one on the Shift page.")));
            shift_text_->SetForegroundColour(error_colour());
        } else {
            const bool late = shift->past_24_hours(db_.now());
            shift_text_->SetLabel(ui_text(trf("Shift {1} · till {2} · receipts {3}{4}",
                                              {std::to_string(shift->number), till_, std::to_string(shift->last_receipt),
                                               late ? tr(" · open over 24 hours: close it").str() : ""})));
            shift_text_->SetForegroundColour(late ? error_colour() : GetForegroundColour());
        }
        if (auto v = pos::serving_now(db_, actor_)) {
            visit_id_ = v->id;
            visit_label_ = v->label;
        }
        int waiting = 0;
        std::string who;  // the tickets waiting, longest first, so the desk sees whom it calls next
        for (const auto& v : pos::todays_queue(db_, actor_))
            if (v.status == "waiting") {
                if (++waiting <= 6) who += (who.empty() ? ": " : ", ") + v.label;
                else if (waiting == 7) who += "…";
            }
        visit_text_->SetLabel(visit_id_ ? ui_text(trf("Serving {1} · waiting {2}", {visit_label_, std::to_string(waiting)})) +
                                              wxString::FromUTF8(who)
                                        : ui_text(trf("No visitor called · waiting {1}", {std::to_string(waiting)})) +
                                              wxString::FromUTF8(who));
        show_lines();
        Layout();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::fill_choices() {
    const pos::CalendarDate today = pos::CalendarDate::of_utc(db_.now());
    const int tariff_sel = tariff_->GetSelection();
    tariff_->Clear();
    tariff_codes_.clear();
    for (const auto& t : pos::tariffs_in_force(db_, today.iso())) {
        if (t.segment != "private") continue;
        tariff_codes_.push_back(t.code);
        tariff_->Append(wxString::FromUTF8(t.name + " — " + t.monthly_fee.format() + (t.is_bundle ? " ★" : "")));
    }
    if (tariff_sel >= 0 && tariff_sel < static_cast<int>(tariff_->GetCount())) tariff_->SetSelection(tariff_sel);
    const bool goods = operation_ == Operation::goods;
    const int product_sel = product_->GetSelection();
    product_->Clear();
    product_codes_.clear();
    product_kinds_.clear();
    for (const auto& p : pos::products_on_sale(db_, today, "")) {
        const bool wanted = goods ? (p.kind == "gadget" || p.kind == "accessory") : p.kind == "service";
        if (!wanted) continue;
        product_codes_.push_back(p.code);
        product_kinds_.push_back(p.kind);
        product_->Append(wxString::FromUTF8(p.name + " — " + pos::Money::from_kopecks(p.price).format()));
    }
    if (product_sel >= 0 && product_sel < static_cast<int>(product_->GetCount())) product_->SetSelection(product_sel);
    else if (product_->GetCount() > 0) product_->SetSelection(0);
}

std::vector<wxWindow*> DeskPage::inputs_for(Operation op) const {
    switch (op) {
    case Operation::top_up: return {number_, amount_};
    case Operation::sim: return {tariff_, iccid_};
    case Operation::replacement: return {number_, iccid_};
    case Operation::tariff_change: return {number_, tariff_};
    case Operation::service: return {number_, product_};
    case Operation::goods: return {product_, imei_, quantity_};
    case Operation::port_in: return {number_, tariff_, donor_, date_};
    }
    return {};
}

void DeskPage::choose_operation(Operation op) {
    const bool kind_changed = (op == Operation::goods) != (operation_ == Operation::goods);
    operation_ = op;
    operation_choice_->SetSelection(static_cast<int>(op));
    if (kind_changed) {
        product_->SetSelection(wxNOT_FOUND);
        fill_choices();
    }
    const auto wanted = inputs_for(op);
    for (auto& [input, row] : rows_) {
        const bool shown = std::find(wanted.begin(), wanted.end(), input) != wanted.end();
        row.label->Show(shown);
        for (wxWindow* w : row.windows) w->Show(shown);
    }
    // A port-in's number comes from another operator: the client's numbers are not offered for it.
    if (client_msisdns_.empty() || op == Operation::port_in) client_numbers_->Hide();
    Layout();
    if (op == Operation::goods && quantity_->IsEmpty()) quantity_->ChangeValue("1");
    // The number this visit just sold or served is offered for the next operation on a number (a service
    // after the SIM sale); typing replaces it, as it is selected.
    const bool on_number = std::find(wanted.begin(), wanted.end(), static_cast<wxWindow*>(number_)) != wanted.end();
    if (on_number && number_->IsEmpty() && !offered_number_.empty()) {
        number_->ChangeValue(wxString::FromUTF8(offered_number_));
        number_->SelectAll();
    } else if (on_number && op != Operation::port_in && number_->IsEmpty() && client_msisdns_.size() == 1) {
        // A known client with one number in service: that number (with several, the list beside it).
        number_->ChangeValue(wxString::FromUTF8(pos::Msisdn::stored(client_msisdns_.front()).display()));
        number_->SelectAll();
    }
    entry_->clear_errors();
    // The client's form first for the operations that need it, unless the client is already known.
    const bool needs_client = op == Operation::sim || op == Operation::replacement || op == Operation::port_in;
    if (needs_client && passport_->IsEmpty()) return passport_->SetFocus();
    wanted.front()->SetFocus();
}

void DeskPage::on_enter(wxWindow* current) {
    // A scanner ends the IMEI with Enter: the device goes into the sale at once (quantity one).
    if (current == imei_ && !imei_->IsEmpty()) return add_line();
    const auto wanted = inputs_for(operation_);
    auto at = std::find(wanted.begin(), wanted.end(), current);
    if (at == wanted.end() || at + 1 == wanted.end()) return add_line();
    // The next input of this operation; a choice takes the first entry when none is chosen.
    wxWindow* next = *(at + 1);
    next->SetFocus();
}

void DeskPage::read_client_form() {
    draft_.client = pos::ClientForm{text_of(full_name_), text_of(birth_date_), text_of(passport_), text_of(issued_on_),
                                    text_of(issuer_),    text_of(address_),    text_of(phone_)};
    draft_.with_client = !draft_.client.passport.empty() || !draft_.client.full_name.empty();
    draft_.marketing_consent = marketing_consent_->GetValue();
    draft_.paid_cash = text_of(cash_);
    draft_.paid_card = text_of(card_);
    draft_.visit_id = visit_id_;
}

bool DeskPage::look_up_passport() {
    const std::string typed = text_of(passport_);
    known_client_->SetLabel(wxString());
    known_client_id_ = 0;
    withdraw_consent_->Hide();
    offer_client_numbers(0);
    bool known = false;
    if (typed.empty()) {
        Layout();
        return false;
    }
    try {
        if (auto c = pos::find_client_by_passport(db_, actor_, typed); (known = c.has_value())) {
            // The card: who, how many numbers, and what his contracts record of his consent.
            const pos::ConsentState consent = pos::consent_state(db_, actor_, c->id);
            Text consent_line =
                consent.withdrawn()
                    ? trf("Consent to personal data WITHDRAWN on {1}: contact phone erased, no offers, data not shown.",
                          {pos::CalendarDate::of_utc(consent.withdrawn_at).display()})
                : consent.recorded()
                    ? trf("Consent to personal data: version {1} of {2}; offers by phone and SMS: {3}.",
                          {consent.text_version, pos::CalendarDate::of_utc(consent.given_at).display(),
                           (consent.marketing ? tr("yes") : tr("no")).str()})
                    : tr("Consent to personal data: not recorded with any contract.");
            known_client_->SetLabel(ui_text(trf("Known client {1}, numbers in service: {2}. The passport is enough.",
                                                {c->full_name, std::to_string(c->live_numbers)})) +
                                    "\n" + ui_text(consent_line));
            known_client_id_ = c->id;
            withdraw_consent_->Show(!consent.withdrawn());
            offer_client_numbers(c->id);
        } else
            known_client_->SetLabel(ui_text(tr("New client: fill in the whole form.")));
        known_client_->Wrap(FromDIP(400));
        client_->clear_errors();
    } catch (const pos::InputError& e) {
        client_->show_error("passport", wxString::FromUTF8(e.reason().str()));
    }
    Layout();
    return known;
}

void DeskPage::add_line() {
    clear_errors();
    pos::DraftLine line;
    switch (operation_) {
    case Operation::top_up: line.kind = pos::LineKind::top_up; break;
    case Operation::sim: line.kind = pos::LineKind::sim; break;
    case Operation::replacement: line.kind = pos::LineKind::sim_replacement; break;
    case Operation::tariff_change: line.kind = pos::LineKind::tariff_change; break;
    case Operation::service: line.kind = pos::LineKind::service; break;
    case Operation::goods: line.kind = pos::LineKind::gadget; break;
    case Operation::port_in: line.kind = pos::LineKind::port_in; break;
    }
    line.msisdn = text_of(number_);
    line.iccid = text_of(iccid_);
    line.amount = text_of(amount_);
    if (donor_->GetSelection() >= 0) line.donor_operator = donor_->GetStringSelection().utf8_string();
    line.desired_date = text_of(date_);
    line.imei = text_of(imei_);
    const int t = tariff_->GetSelection();
    if (t >= 0) line.tariff_code = tariff_codes_[static_cast<std::size_t>(t)];
    const int p = product_->GetSelection();
    if (p >= 0) {
        line.product_code = product_codes_[static_cast<std::size_t>(p)];
        if (operation_ == Operation::goods)
            line.kind = product_kinds_[static_cast<std::size_t>(p)] == "accessory" ? pos::LineKind::accessory
                                                                                  : pos::LineKind::gadget;
    }
    if (operation_ == Operation::goods) {
        try {
            line.quantity = std::stoi(text_of(quantity_));
        } catch (...) {
            entry_->show_error("quantity", ui_text(tr("must be from 1 to 99")));
            return;
        }
    }
    read_client_form();
    pos::SaleDraft candidate = draft_;
    candidate.lines.push_back(line);
    try {
        quote_ = pos::price_sale(db_, actor_, candidate);
    } catch (const pos::InputErrors& e) {
        // Every problem beside its own field at once (a port-in's number, donor, date and tariff).
        for (const auto& p : e.problems()) show_error(p.input(), wxString::FromUTF8(p.reason().str()), candidate.lines.size());
        return status(wxString::FromUTF8(e.message()), true);
    } catch (const pos::InputError& e) {
        return show_error(e.input(), wxString::FromUTF8(e.reason().str()), candidate.lines.size());
    } catch (const UserError& e) {
        return status(wxString::FromUTF8(e.message()), true);
    }
    draft_ = candidate;
    save_draft();
    for (const auto& priced : quote_.lines)
        // A number being ported in is not in service until the transfer: nothing is offered for it.
        if (!priced.msisdn.empty() && priced.kind != pos::LineKind::port_in)
            offered_number_ = pos::Msisdn::stored(priced.msisdn).display();
    for (wxTextCtrl* c : {number_, iccid_, amount_, date_, imei_}) c->ChangeValue(wxString());
    donor_->SetSelection(wxNOT_FOUND);
    show_lines();
    status(wxString(), false);
    // A top-up is paid at once: on to the payment, where the specialist types what the client hands over
    // (or Tab to the card); nothing is preset as cash.
    if (operation_ == Operation::top_up) {
        cash_->SetFocus();
        return status(ui_text(tr("How does the client pay? Type the cash handed over, or Tab to the card's amount.")),
                      false);
    }
    inputs_for(operation_).front()->SetFocus();
}

void DeskPage::search() {
    try {
        const auto hits = pos::desk_search(db_, actor_, text_of(search_));
        if (hits.empty()) return status(ui_text(tr("Nothing found.")), true);
        wxString text;
        for (const auto& h : hits) text << (text.empty() ? "" : "   |   ") << wxString::FromUTF8(h.title + " — " + h.detail);
        status(text, false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::void_selected_line() {
    const long selected = lines_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0) return;
    try {
        save_draft();
        draft_ = pos::void_draft_line(db_, actor_, till_, static_cast<std::size_t>(selected));
        show_lines();
        status(ui_text(tr("The line was voided.")), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::show_lines() {
    lines_->DeleteAllItems();
    quote_ = pos::SaleQuote{};
    if (!draft_.lines.empty()) {
        try {
            quote_ = pos::price_sale(db_, actor_, draft_);
        } catch (const UserError& e) {
            // A restored draft may no longer be valid (a card sold meanwhile): show what is wrong.
            status(wxString::FromUTF8(e.message()), true);
        }
    }
    for (std::size_t i = 0; i < quote_.lines.size(); ++i) {
        const auto& l = quote_.lines[i];
        const long row = lines_->InsertItem(static_cast<long>(i), wxString::Format("%zu", i + 1));
        lines_->SetItem(row, 1, wxString::FromUTF8(l.description + (l.is_bundle ? " ★" : "") +
                                                   (l.imei.empty() ? "" : ", IMEI " + l.imei)));
        lines_->SetItem(row, 2, wxString::Format("%d", l.quantity));
        lines_->SetItem(row, 3, money(l.amount));
        lines_->SetItem(row, 4, l.agent ? ui_text(tr("agent")) : money(l.vat_amount));
    }
    total_->SetLabel(money(quote_.total));
    update_change();
}

void DeskPage::update_change() {
    try {
        const pos::Money cash = cash_->IsEmpty() ? pos::Money() : pos::Money::parse(text_of(cash_));
        const pos::Money card = card_->IsEmpty() ? pos::Money() : pos::Money::parse(text_of(card_));
        const pos::Money paid = cash + card;
        change_->SetLabel(paid >= quote_.total ? money(paid - quote_.total)
                                               : ui_text(trf("short by {1}", {(quote_.total - paid).format()})));
    } catch (const ValidationError&) {
        change_->SetLabel(wxString());
    }
}

void DeskPage::save_draft() {
    read_client_form();
    if (draft_.lines.empty() && !draft_.with_client) return;
    try {
        pos::save_draft(db_, actor_, till_, draft_);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::pay() {
    clear_errors();
    read_client_form();
    // The client chooses how he pays: with both fields empty there is nothing to record.
    if (!draft_.lines.empty() && quote_.total > pos::Money() && cash_->IsEmpty() && card_->IsEmpty())
        return show_error("paid_cash", ui_text(tr("type the cash handed over, or the amount paid by card")));
    try {
        const pos::CommittedSale sale = pos::commit_sale(db_, actor_, till_, draft_);
        draft_ = pos::SaleDraft{};
        for (wxTextCtrl* c : {passport_, full_name_, birth_date_, issued_on_, issuer_, address_, phone_, cash_, card_})
            c->ChangeValue(wxString());
        known_client_->SetLabel(wxString());
        known_client_id_ = 0;
        withdraw_consent_->Hide();
        offer_client_numbers(0);
        marketing_consent_->SetValue(false);
        // The next client starts from nothing: no tariff or product of the one before stays chosen.
        tariff_->SetSelection(wxNOT_FOUND);
        product_->SetSelection(wxNOT_FOUND);
        // Committed first, then the registrar (R-POS-10): a fault leaves the receipt queued, the sale
        // stands.
        const wxString fiscal = fiscalise_after_commit(db_, actor_, till_);
        // Nothing paid (a free port-in): no fiscal receipt (54-FZ), the application is the sale's document.
        const wxString saved =
            pos::needs_fiscal_receipt(sale.total)
                ? ui_text(trf("Receipt {1} saved: {2}, change {3}.",
                              {std::to_string(sale.receipt_number), sale.total.format(), sale.change_due.format()}))
                : ui_text(tr("Saved: nothing paid, so no fiscal receipt (54-FZ)."));
        status(saved + " " + fiscal, false);
        pos::deliver_gateway_requests(db_);
        refresh();
        if (show_receipt_) show_receipt_(sale.sale_id);
        choose_operation(Operation::top_up);
    } catch (const pos::InputErrors& e) {
        for (const auto& p : e.problems()) show_error(p.input(), wxString::FromUTF8(p.reason().str()));
    } catch (const pos::InputError& e) {
        show_error(e.input(), wxString::FromUTF8(e.reason().str()));
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::call_next() {
    try {
        if (auto v = pos::call_next(db_, actor_)) {
            offered_number_.clear();  // a new visitor: nothing of the one before is offered
            visit_id_ = v->id;
            visit_label_ = v->label;
            status(ui_text(trf("Calling {1} ({2}).", {v->label, pos::visit_purpose_title(v->purpose).str()})), false);
            choose_operation(v->purpose == pos::VisitPurpose::top_up    ? Operation::top_up
                             : v->purpose == pos::VisitPurpose::service ? Operation::replacement
                                                                        : Operation::sim);
        } else {
            status(ui_text(tr("Nobody is waiting.")), false);
        }
        refresh();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::take_ticket() {
    // A walk-in who did not pass the kiosk gets a ticket from the desk, so his wait counts too (R-POS-6).
    const pos::VisitPurpose purposes[] = {pos::VisitPurpose::top_up, pos::VisitPurpose::sale,
                                          pos::VisitPurpose::service, pos::VisitPurpose::corporate};
    wxArrayString titles;
    for (const auto p : purposes) titles.Add(ui_text(pos::visit_purpose_title(p)));
    int chosen = -1;
    {
        // Gone before the ticket is written: Enter in its list leaves a second "OK" pending, which a wait for
        // a busy database (its window lets events through) would deliver to a dialog no longer shown.
        wxSingleChoiceDialog dialog(this, ui_text(tr("What has the client come for?")), ui_text(tr("Queue ticket")),
                                    titles);
        if (dialog.ShowModal() != wxID_OK) return;
        chosen = dialog.GetSelection();
    }
    try {
        const pos::Visit v = pos::take_ticket(db_, actor_.member().salon_id, purposes[chosen]);
        refresh();
        status(ui_text(trf("Ticket {1} taken ({2}).", {v.label, pos::visit_purpose_title(v.purpose).str()})), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::finish_visit() {
    if (!visit_id_) return status(ui_text(tr("No visitor is being served.")), true);
    try {
        pos::finish_visit(db_, actor_, visit_id_);
        offered_number_.clear();
        const auto id = visit_id_;
        const auto label = visit_label_;
        visit_id_ = 0;
        visit_label_.clear();
        refresh();
        if (ask_rating_) ask_rating_(id, label);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::record_thanks() {
    if (!visit_id_) return status(ui_text(tr("No visitor is being served.")), true);
    const wxString text = text_from_person(ui_text(tr("The client's thanks, in the client's words:")),
                                            ui_text(tr("Thanks")), wxString(), this);
    if (text.empty()) return;
    try {
        pos::record_thanks(db_, actor_, visit_id_, text.utf8_string());
        status(ui_text(tr("The thanks are recorded.")), false);
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

void DeskPage::open_advisor() {
    const std::string chosen = choose_tariff_with_advisor(this, db_);
    if (chosen.empty()) return;
    for (std::size_t i = 0; i < tariff_codes_.size(); ++i)
        if (tariff_codes_[i] == chosen) tariff_->SetSelection(static_cast<int>(i));
    if (operation_ != Operation::sim && operation_ != Operation::port_in) choose_operation(Operation::tariff_change);
    // Chosen with the advisor: on to the next input, or into the sale when the tariff was the last one.
    const auto wanted = inputs_for(operation_);
    auto at = std::find(wanted.begin(), wanted.end(), static_cast<wxWindow*>(tariff_));
    if (at != wanted.end() && at + 1 != wanted.end()) return (*(at + 1))->SetFocus();
    add_line();
}

void DeskPage::show_error(const std::string& input, const wxString& message, std::size_t new_line_no) {
    std::string key = input;
    // "line3.iccid": the line being added is the entry form; an earlier line's error is shown above.
    // ("lines" alone, an empty sale, names no line.)
    const auto dot = key.find('.');
    if (key.rfind("line", 0) == 0 && key.size() > 4 && std::isdigit(static_cast<unsigned char>(key[4])) &&
        dot != std::string::npos) {
        const std::size_t line_no = std::stoul(key.substr(4, dot - 4));
        key = key.substr(dot + 1);
        if (line_no != new_line_no) return status(ui_text(trf("Line {1}: {2}", {std::to_string(line_no), message.utf8_string()})), true);
    }
    if (entry_->show_error(key, message) || client_->show_error(key, message) || payment_->show_error(key, message)) {
        Layout();
        return;
    }
    status(message, true);
}

void DeskPage::clear_errors() {
    entry_->clear_errors();
    client_->clear_errors();
    payment_->clear_errors();
}

void DeskPage::offer_client_numbers(std::int64_t client_id) {
    client_numbers_->Clear();
    client_msisdns_.clear();
    if (client_id) {
        try {
            for (const auto& n : pos::client_numbers(db_, actor_, client_id)) {
                client_msisdns_.push_back(n.msisdn);
                client_numbers_->Append(wxString::FromUTF8(n.number + " · " + n.tariff_name));
            }
        } catch (const UserError& e) {
            status(wxString::FromUTF8(e.message()), true);
        }
    }
    if (!client_msisdns_.empty()) {
        client_numbers_->Insert(ui_text(trf("The client's numbers ({1})", {std::to_string(client_msisdns_.size())})), 0);
        client_numbers_->SetSelection(0);
    }
    const auto wanted = inputs_for(operation_);
    const bool on_number = operation_ != Operation::port_in &&
                           std::find(wanted.begin(), wanted.end(), static_cast<wxWindow*>(number_)) != wanted.end();
    client_numbers_->Show(on_number && !client_msisdns_.empty());
    // A client with one number: that number is offered as the visit's own would be, selected to be typed over.
    if (on_number && number_->IsEmpty() && client_msisdns_.size() == 1) {
        number_->ChangeValue(wxString::FromUTF8(pos::Msisdn::stored(client_msisdns_.front()).display()));
        number_->SelectAll();
    }
    Layout();
}

// The client's written statement, taken by the specialist signed in (152-FZ art. 9 p. 2): journaled in core.
void DeskPage::withdraw_known_client_consent() {
    if (!known_client_id_) return;
    const wxString words = wxGetTextFromUser(
        ui_text(tr("The client withdraws consent to the processing of personal data. His statement, in his words:")),
        ui_text(tr("Withdraw consent")), wxString(), this);
    if (words.IsEmpty()) return;
    try {
        pos::withdraw_consent(db_, actor_, known_client_id_, words.utf8_string());
        status(ui_text(tr("The withdrawal is recorded: the contact phone is erased and no offers will be sent.")), false);
        phone_->ChangeValue(wxString());
        marketing_consent_->SetValue(false);
        look_up_passport();
    } catch (const UserError& e) {
        status(wxString::FromUTF8(e.message()), true);
    }
}

std::vector<KeyHelp> DeskPage::key_help() const {
    return {{"F3", ui_text(tr("Call the visitor who has waited longest"))},
            {"F4", ui_text(tr("End the visit (the visitor rates it)"))},
            {"F5", ui_text(tr("Balance top-up"))},
            {"F6", ui_text(tr("SIM card sale"))},
            {"Shift+F6", ui_text(tr("Number transfer (port-in)"))},
            {"F7", ui_text(tr("SIM replacement"))},
            {"F8", ui_text(tr("Tariff change"))},
            {"F9", ui_text(tr("Service or option"))},
            {"Shift+F9", ui_text(tr("Gadget or accessory"))},
            {"F11", ui_text(tr("Tariff advisor"))},
            {"F12", ui_text(tr("To the payment; again: pay"))},
            {"Ctrl+F", ui_text(tr("Search by ICCID, number or passport"))},
            {"Ctrl+T", ui_text(tr("Take a queue ticket for a walk-in client"))},
            {"Delete", ui_text(tr("Void the selected line"))}};
}

}  // namespace salon::ui
