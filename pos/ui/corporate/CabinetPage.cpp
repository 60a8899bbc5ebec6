#include "pos/ui/corporate/CabinetPage.hpp"

#include "pos/core/common/FormInput.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/core/sale/SmsOutbox.hpp"
#include "pos/corporate/CorporateClient.hpp"
#include "pos/ui/corporate/CompanyChoice.hpp"
#include "pos/ui/corporate/CorporateTexts.hpp"

#include <wx/sizer.h>

namespace salon::ui {

namespace {
wxColour done_colour() { return wxColour(0x1E, 0x7B, 0x34); }
}  // namespace

CabinetPage::CabinetPage(wxWindow* parent, db::Database& db, const pos::Actor& actor,
                         std::unique_ptr<pos::SmsSender> sender)
    : StationPage(parent),
      db_(db),
      actor_(actor),
      sender_(std::move(sender)),
      steps_panel_(new wxPanel(this)) {
    company_ = new CompanyChoice(this);
    company_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_cabinet(); });
    sandbox_ = new wxStaticText(this, wxID_ANY, wxString());
    sandbox_->SetName("sandbox");
    sandbox_->SetFont(sandbox_->GetFont().Bold());
    sandbox_->SetForegroundColour(wxColour(0x9A, 0x5B, 0x00));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetName("summary");
    next_ = new wxStaticText(this, wxID_ANY, wxString());
    next_->SetName("next");
    next_->SetFont(next_->GetFont().Bold().Scaled(1.15f));
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetName("status");

    wxWindow* p = steps_panel_;
    const auto button = [p](const Text& label, const char* name) {
        auto* b = new wxButton(p, wxID_ANY, ui_text(label));
        b->SetName(name);
        return b;
    };
    open_page_ = button(tr("&Opened"), "open_page");
    get_password_ = button(tr("\"Get &password\" pressed"), "get_password");
    phone_ = new wxTextCtrl(p, wxID_ANY);
    phone_->SetName("phone");
    phone_->SetHint("+7 903 123-45-67");
    send_code_ = button(tr("Send the &code"), "send_code");
    sms_state_ = new wxStaticText(p, wxID_ANY, wxString());
    sms_state_->SetName("sms_state");
    retry_ = button(tr("&Try again now"), "retry_sms");
    code_ = new wxTextCtrl(p, wxID_ANY);
    code_->SetName("code");
    sign_in_ = button(tr("&Signed in"), "sign_in");
    password_set_ = button(tr("P&ermanent password set"), "password_set");
    for (auto& mark : marks_) {
        mark =
            new wxStaticText(p, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
        mark->SetMinSize(FromDIP(wxSize(24, -1)));
        mark->SetFont(mark->GetFont().Bold());
    }

    // One row per step: its mark (✓ done, → now), what happens, and its inputs; the phone and the code have
    // their error line under them (the FormFields convention: the message beside its input).
    auto* grid = new wxFlexGridSizer(3, FromDIP(wxSize(6, 10)));
    grid->AddGrowableCol(2, 1);
    const auto row = [this, p, grid](int step, const Text& what, wxSizer* inputs) {
        grid->Add(marks_[step], 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(new wxStaticText(p, wxID_ANY, ui_text(what)), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(inputs, 1, wxEXPAND);
    };
    const auto one = [](wxWindow* w) {
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        line->Add(w);
        return line;
    };
    const auto typed = [this, p](wxTextCtrl* input, wxButton* button, const std::string& key) {
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        line->Add(input, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        line->Add(button, 0, wxALIGN_CENTER_VERTICAL);
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(line, 0, wxEXPAND);
        auto* error = new wxStaticText(p, wxID_ANY, wxString());
        error->SetForegroundColour(error_colour());
        column->Add(error, 0, wxTOP, 2);
        column->Hide(error);
        errors_[key] = {input, error};
        return column;
    };
    row(0, tr("1. Open the corporate cabinet's page."), one(open_page_));
    row(1, tr("2. The administrator presses \"Get password\"."), one(get_password_));
    row(2, tr("3. The administrator's phone:"), typed(phone_, send_code_, "phone"));
    row(3, tr("4. Code from the SMS, first sign-in:"), typed(code_, sign_in_, "code"));
    row(4, tr("5. The administrator set a permanent password."), one(password_set_));
    // The outbox's entry for the code, under the steps, the whole page wide.
    auto* sms_line = new wxBoxSizer(wxHORIZONTAL);
    sms_line->Add(sms_state_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    sms_line->Add(retry_, 0, wxALIGN_CENTER_VERTICAL);
    auto* steps = new wxBoxSizer(wxVERTICAL);
    steps->Add(grid, 0, wxEXPAND);
    steps->Add(sms_line, 0, wxEXPAND | wxTOP, 12);
    steps_panel_->SetSizer(steps);

    open_page_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        step([this](std::int64_t id) { pos::open_cabinet_page(db_, actor_, id); });
    });
    get_password_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        step([this](std::int64_t id) { pos::press_get_password(db_, actor_, id); });
    });
    send_code_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        step([this](std::int64_t id) {
            pos::enter_cabinet_phone(db_, actor_, id, phone_->GetValue().utf8_string(), *sender_);
        });
    });
    retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        step([this](std::int64_t) {
            if (cabinet_ && cabinet_->last_code) pos::retry_sms_now(db_, *sender_, cabinet_->last_code->id);
        });
    });
    sign_in_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        step([this](std::int64_t id) {
            pos::record_first_sign_in(db_, actor_, id, code_->GetValue().utf8_string());
        });
    });
    password_set_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        step([this](std::int64_t id) { pos::record_permanent_password(db_, actor_, id); });
    });

    auto* company_row = new wxBoxSizer(wxHORIZONTAL);
    company_row->Add(new wxStaticText(this, wxID_ANY, ui_text(tr("Company:"))), 0,
                     wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    company_row->Add(company_, 1);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(company_row, 0, wxEXPAND | wxALL, 8);
    sizer->Add(sandbox_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(next_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(steps_panel_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    SetSizer(sizer);
}

void CabinetPage::refresh() {
    if (sender_->is_sandbox()) {
        wxString notice =
            ui_text(tr("Sandbox: SMS are written to the database and the log, not sent to phones."));
        if (auto* sandbox = dynamic_cast<pos::SandboxSmsSender*>(sender_.get()))
            notice << "\n" << ui_text(trf("Log: {1}", {sandbox->log().string()}));
        sandbox_->SetLabel(notice);
    }
    if (const wxString error = company_->reload(db_, actor_); !error.empty()) status(error, true);
    show_cabinet();
}

template <class Step>
void CabinetPage::step(Step&& run) {
    clear_errors();
    status(wxString(), false);
    const std::int64_t id = company_->client_id();
    if (id == 0) return;
    try {
        run(id);
    } catch (const pos::InputError& e) {
        show_error(e.input(), wxString::FromUTF8(e.message()));
    } catch (...) {
        status(current_error_text(), true);
    }
    show_cabinet();
}

void CabinetPage::show_error(const std::string& input, const wxString& message) {
    const auto found = errors_.find(input);
    if (found == errors_.end()) return status(message, true);
    wxStaticText* error = found->second.second;
    error->SetLabelText(message);
    error->Wrap(std::max(found->second.first->GetSize().GetWidth(), FromDIP(200)));
    error->GetContainingSizer()->Show(error);
    found->second.first->SetFocus();
    Layout();
}

void CabinetPage::clear_errors() {
    for (auto& [key, row] : errors_) {
        row.second->SetLabelText(wxString());
        row.second->GetContainingSizer()->Hide(row.second);
    }
}

void CabinetPage::show_cabinet() {
    cabinet_.reset();
    const std::int64_t id = company_->client_id();
    try {
        if (id != 0) cabinet_ = pos::cabinet_of(db_, actor_, id);
    } catch (...) {
        status(current_error_text(), true);
    }
    using pos::CabinetStep;
    const bool usable = cabinet_ && cabinet_->admin_blocked_at == 0;
    const CabinetStep at = cabinet_ ? cabinet_->step : CabinetStep::not_started;
    if (!cabinet_) {
        summary_->SetLabel(
            ui_text(id == 0 ? tr("No company is registered yet.")
                            : tr("The company has no cabinet yet: it comes with an active application.")));
        next_->SetLabel(wxString());
    } else {
        summary_->SetLabel(
            ui_text(trf("Cabinet: {1}; administrator {2}.",
                        {cabinet_->version == pos::CabinetVersion::old_cabinet
                             ? tr("the old one (balance only): the same steps move it to the new one").str()
                             : tr("new").str(),
                         shown_msisdn(cabinet_->admin_msisdn)})));
        next_->SetLabel(ui_text(cabinet_->admin_blocked_at
                                    ? tr("The administrator is blocked.")
                                    : trf("Next: {1}", {pos::cabinet_step_prompt(at).str()})));
        if (phone_->IsEmpty() && at == CabinetStep::password_requested)
            phone_->ChangeValue(wxString::FromUTF8(shown_msisdn(cabinet_->admin_msisdn)));
    }
    // Which step core takes now; the others are shown done (✓) or still to come.
    const CabinetStep order[] = {CabinetStep::not_started, CabinetStep::page_opened,
                                 CabinetStep::password_requested, CabinetStep::code_sent,
                                 CabinetStep::signed_in};
    for (int i = 0; i < 5; ++i) {
        const bool done = cabinet_ && static_cast<int>(at) > static_cast<int>(order[i]);
        const bool current = usable && at == order[i];
        marks_[i]->SetLabel(done ? wxString::FromUTF8("✓") : current ? wxString::FromUTF8("→") : wxString());
        marks_[i]->SetForegroundColour(done ? done_colour() : GetForegroundColour());
    }
    open_page_->Enable(usable && at == CabinetStep::not_started);
    get_password_->Enable(usable && at == CabinetStep::page_opened);
    // A code that did not come may be asked for again until the administrator signed in.
    send_code_->Enable(usable && (at == CabinetStep::password_requested || at == CabinetStep::code_sent));
    phone_->Enable(send_code_->IsEnabled());
    sign_in_->Enable(usable && at == CabinetStep::code_sent);
    code_->Enable(sign_in_->IsEnabled());
    password_set_->Enable(usable && at == CabinetStep::signed_in);

    const std::optional<pos::SmsMessage>& sms = cabinet_ ? cabinet_->last_code : std::nullopt;
    wxString state;
    if (sms) {
        const std::string zone = desk_time_zone(db_, actor_);
        if (sms->sent())
            state = ui_text(trf("SMS to {1}: sent {2} ({3}).",
                                {shown_msisdn(sms->msisdn), shown_moment(sms->sent_at, zone), sms->sender}));
        else if (sms->attempts == 0)
            state = ui_text(trf("SMS to {1}: waiting in the outbox.", {shown_msisdn(sms->msisdn)}));
        else
            state = ui_text(trf("SMS to {1}: failed ({2} attempts: {3}); retrying at {4}.",
                                {shown_msisdn(sms->msisdn), std::to_string(sms->attempts), sms->last_error,
                                 shown_moment(sms->next_attempt_at, zone)}));
        // The sandbox reaches no phone: the specialist reads the text here, as the log has it.
        if (sender_->is_sandbox())
            state << "\n" << ui_text(tr("Text (sandbox):")) << "\n" << wxString::FromUTF8(sms->body);
        sms_state_->SetForegroundColour(sms->sent() ? done_colour() : error_colour());
    }
    sms_state_->SetLabel(state);
    retry_->Show(sms && !sms->sent());
    Layout();
}

}  // namespace salon::ui
