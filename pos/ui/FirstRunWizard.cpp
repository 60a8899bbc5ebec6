#include "pos/ui/FirstRunWizard.hpp"

#include "db/UserError.hpp"
#include "db/migrations.hpp"
#include "pos/core/common/FormInput.hpp"
#include "pos/core/setup/FirstRun.hpp"
#include "pos/ui/FormFields.hpp"

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/utils.h>

namespace salon::ui {

namespace {
constexpr int kFieldWidth = 360;

// The page an input of the first run is on: "dealer.inn" is on the dealer's page.
int page_of(const std::string& input) {
    if (input.rfind("dealer.", 0) == 0) return 1;
    if (input.rfind("salon.", 0) == 0) return 2;
    if (input.rfind("admin.", 0) == 0) return 3;
    return 0;
}
}  // namespace

FirstRunWizard::FirstRunWizard(const db::DatabaseUrl& url, const pos::AuditKey& key, Done on_done)
    : wxDialog(nullptr, wxID_ANY, ui_text(tr("Salon Station — first run")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE),
      key_(key),
      on_done_(std::move(on_done)),
      default_sqlite_(db::DatabaseUrl::default_url().sqlite_path) {
    step_ = new wxStaticText(this, wxID_ANY, wxString());
    step_->SetFont(step_->GetFont().Bold().Scaled(1.2f));
    book_ = new wxSimplebook(this);
    book_->AddPage(build_database_page(), wxString());
    book_->AddPage(build_dealer_page(), wxString());
    book_->AddPage(build_salon_page(), wxString());
    book_->AddPage(build_admin_page(), wxString());

    // Created in the order they stand, so Tab visits them left to right.
    cancel_ = new wxButton(this, wxID_CANCEL, ui_text(tr("Cancel")));
    back_ = new wxButton(this, wxID_BACKWARD, ui_text(tr("< &Back")));
    next_ = new wxButton(this, wxID_FORWARD, ui_text(tr("&Next >")));
    next_->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(cancel_);
    buttons->AddStretchSpacer();
    buttons->Add(back_, 0, wxRIGHT, 8);
    buttons->Add(next_);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(step_, 0, wxALL, 16);
    top->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT, 16);
    top->Add(buttons, 0, wxEXPAND | wxALL, 16);
    SetSizerAndFit(top);

    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next(); });
    // Cancel creates nothing: nothing is written before Finish. Modeless: closing destroys the window.
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });

    // The database the station was started with (the default local file when nothing chose one).
    if (url.backend == db::Backend::sqlite) {
        local_path_->ChangeValue(wxString::FromUTF8(url.sqlite_path));
    } else {
        server_->SetValue(true);
        server_url_->ChangeValue(wxString::FromUTF8(url.pg_conninfo));
    }
    show_page(0);
    Centre();
}

FirstRunWizard::~FirstRunWizard() = default;

wxTextCtrl* FirstRunWizard::text_input(wxWindow* parent, long style) {
    // Enter goes on to the next page, as the default button would.
    auto* input = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(kFieldWidth, -1),
                                 style | wxTE_PROCESS_ENTER);
    input->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { next(); });
    return input;
}

wxWindow* FirstRunWizard::build_database_page() {
    auto* page = new wxPanel(book_);
    auto* intro = new wxStaticText(page, wxID_ANY,
                                   ui_text(tr("Where the station keeps its data. One salon or a laptop: a file on "
                                              "this computer. A dealer network: the network's PostgreSQL server.")));
    intro->Wrap(kFieldWidth + 160);
    local_ = new wxRadioButton(page, wxID_ANY, ui_text(tr("A database file on this computer")), wxDefaultPosition,
                               wxDefaultSize, wxRB_GROUP);
    local_path_ = text_input(page, wxTE_READONLY);
    local_path_->ChangeValue(wxString::FromUTF8(default_sqlite_));
    server_ = new wxRadioButton(page, wxID_ANY, ui_text(tr("A PostgreSQL server")));
    server_url_ = text_input(page);
    server_url_->SetHint("postgresql://user:password@host/salon");
    test_ = new wxButton(page, wxID_ANY, ui_text(tr("&Test connection")));
    test_result_ = new wxStaticText(page, wxID_ANY, wxString());
    test_result_->Wrap(kFieldWidth + 160);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxBOTTOM, 12);
    sizer->Add(local_, 0, wxBOTTOM, 4);
    sizer->Add(local_path_, 0, wxEXPAND | wxLEFT | wxBOTTOM, 12);
    sizer->Add(server_, 0, wxBOTTOM, 4);
    sizer->Add(server_url_, 0, wxEXPAND | wxLEFT | wxBOTTOM, 12);
    sizer->Add(test_, 0, wxBOTTOM, 8);
    sizer->Add(test_result_, 0, wxEXPAND);
    page->SetSizer(sizer);

    auto chosen = [this](wxCommandEvent&) {
        tested_url_.clear();
        test_result_->SetLabelText(wxString());
        server_url_->Enable(server_->GetValue());
    };
    local_->Bind(wxEVT_RADIOBUTTON, chosen);
    server_->Bind(wxEVT_RADIOBUTTON, chosen);
    server_url_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { tested_url_.clear(); });
    server_url_->Enable(false);
    test_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { test_connection(); });
    fields_.push_back(nullptr);
    page_errors_.push_back(test_result_);
    return page;
}

wxWindow* FirstRunWizard::build_dealer_page() {
    auto* page = new wxPanel(book_);
    auto* fields = new FormFields(page);
    dealer_name_ = text_input(page);
    inn_ = text_input(page);
    ogrn_ = text_input(page);
    kpp_ = text_input(page);
    dealer_kind_ = new wxChoice(page, wxID_ANY);
    dealer_kind_->Append(ui_text(tr("Legal entity")));
    dealer_kind_->Append(ui_text(tr("Sole proprietor")));
    dealer_kind_->SetSelection(0);
    fields->add("dealer.name", tr("Name"), dealer_name_);
    fields->add("dealer.inn", tr("INN"), inn_);
    fields->add("dealer.ogrn", tr("OGRN / OGRNIP"), ogrn_);
    fields->add("dealer.kpp", tr("KPP"), kpp_);
    fields->add("dealer.kind", tr("Dealer kind"), dealer_kind_);
    // A sole proprietor has no KPP.
    dealer_kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { kpp_->Enable(dealer_kind_->GetSelection() == 0); });
    return form_page(page, fields, tr("The dealer who owns the salons of this database."));
}

wxWindow* FirstRunWizard::build_salon_page() {
    auto* page = new wxPanel(book_);
    auto* fields = new FormFields(page);
    salon_name_ = text_input(page);
    address_ = text_input(page);
    time_zone_ = new wxChoice(page, wxID_ANY);
    int moscow = 0;
    for (const auto& zone : pos::russian_time_zones()) {
        if (zone.zone == "Europe/Moscow") moscow = static_cast<int>(time_zone_->GetCount());
        time_zone_->Append(ui_text(zone.title));
    }
    time_zone_->SetSelection(moscow);
    fields->add("salon.name", tr("Name"), salon_name_);
    fields->add("salon.address", tr("Address"), address_);
    fields->add("salon.time_zone", tr("Time zone"), time_zone_);
    return form_page(page, fields, tr("The first salon: its clocks show the time of its time zone."));
}

wxWindow* FirstRunWizard::build_admin_page() {
    auto* page = new wxPanel(book_);
    auto* fields = new FormFields(page);
    login_ = text_input(page);
    full_name_ = text_input(page);
    password_ = text_input(page, wxTE_PASSWORD);
    password_again_ = text_input(page, wxTE_PASSWORD);
    fields->add("admin.login", tr("Login"), login_);
    fields->add("admin.full_name", tr("Full name"), full_name_);
    fields->add("admin.password", tr("Password"), password_);
    fields->add("admin.password_again", tr("Password again"), password_again_);
    return form_page(page, fields,
                     tr("The head-office administrator: signs in first, then adds the salon's people."));
}

wxWindow* FirstRunWizard::form_page(wxWindow* page, FormFields* fields, const Text& intro) {
    auto* words = new wxStaticText(page, wxID_ANY, ui_text(intro));
    words->Wrap(kFieldWidth + 160);
    // A refusal that names no field of the page (none is expected) still shows on it.
    auto* error = new wxStaticText(page, wxID_ANY, wxString());
    error->SetForegroundColour(error_colour());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(words, 0, wxBOTTOM, 12);
    sizer->Add(fields->sizer(), 0, wxEXPAND);
    sizer->Add(error, 0, wxEXPAND | wxTOP, 8);
    page->SetSizer(sizer);
    fields_.emplace_back(fields);
    page_errors_.push_back(error);
    return page;
}

void FirstRunWizard::show_page(int index) {
    book_->ChangeSelection(static_cast<size_t>(index));
    const Text title[kPages] = {tr("Database"), tr("Dealer"), tr("First salon"), tr("Administrator")};
    step_->SetLabelText(ui_text(trf("Step {1} of {2}: {3}", {std::to_string(index + 1), std::to_string(kPages),
                                                             title[index].str()})));
    update_buttons();
    wxWindow* first[kPages] = {local_->GetValue() ? static_cast<wxWindow*>(next_) : server_url_, dealer_name_,
                               salon_name_, login_};
    first[index]->SetFocus();
    Layout();
}

void FirstRunWizard::update_buttons() {
    const int page = book_->GetSelection();
    back_->Enable(page > 0);
    next_->SetLabel(page == kPages - 1 ? ui_text(tr("&Finish")) : ui_text(tr("&Next >")));
}

std::string FirstRunWizard::chosen_url() const {
    if (local_->GetValue()) return "sqlite:" + local_path_->GetValue().utf8_string();
    return server_url_->GetValue().utf8_string();
}

bool FirstRunWizard::test_connection() {
    const std::string url = chosen_url();
    test_result_->SetForegroundColour(error_colour());
    try {
        const pos::DatabaseCheck found = pos::check_database(db::DatabaseUrl::parse(url));
        tested_url_ = url;
        tested_set_up_ = found.set_up;
        test_result_->SetForegroundColour(GetForegroundColour());
        test_result_->SetLabelText(ui_text(found.summary()));
    } catch (const UserError& e) {
        tested_url_.clear();
        test_result_->SetLabelText(wxString::FromUTF8(e.message()));
    }
    test_result_->Wrap(kFieldWidth + 160);
    GetSizer()->SetSizeHints(this);
    Layout();
    return !tested_url_.empty();
}

void FirstRunWizard::back() {
    const int page = book_->GetSelection();
    if (page > 0) show_page(page - 1);
}

void FirstRunWizard::next() {
    const int page = book_->GetSelection();
    if (page == 0) {
        // The connection is tested before it is kept.
        if (tested_url_ != chosen_url() && !test_connection()) return;
        if (tested_set_up_) {
            // Another station of the network set this database up: this one joins it and signs in.
            try {
                auto db = db::Database::open(db::DatabaseUrl::parse(tested_url_), db::Database::Mode::open_existing);
                db::migrate(*db);
                on_done_(std::move(db), tested_url_);
                Destroy();
            } catch (const UserError& e) {
                test_result_->SetForegroundColour(error_colour());
                test_result_->SetLabelText(wxString::FromUTF8(e.message()));
                Layout();
            }
            return;
        }
    }
    if (page < kPages - 1) return show_page(page + 1);
    finish();
}

void FirstRunWizard::show_error(const std::string& input, const wxString& message) {
    const int page = page_of(input);
    show_page(page);
    FormFields* fields = fields_[static_cast<size_t>(page)].get();
    if (fields && fields->show_error(input, message)) {
        GetSizer()->SetSizeHints(this);
        Layout();
        return;
    }
    wxStaticText* line = page_errors_[static_cast<size_t>(page)];
    line->SetForegroundColour(error_colour());
    line->SetLabelText(message);
    line->Wrap(kFieldWidth + 160);
    GetSizer()->SetSizeHints(this);
    Layout();
}

void FirstRunWizard::finish() {
    for (const auto& fields : fields_)
        if (fields) fields->clear_errors();
    for (size_t i = 1; i < page_errors_.size(); ++i) page_errors_[i]->SetLabelText(wxString());

    pos::FirstRunForm form;
    form.dealer.kind = dealer_kind_->GetSelection() == 1 ? pos::DealerKind::sole_proprietor
                                                         : pos::DealerKind::legal_entity;
    form.dealer.name = dealer_name_->GetValue().utf8_string();
    form.dealer.inn = inn_->GetValue().utf8_string();
    form.dealer.ogrn = ogrn_->GetValue().utf8_string();
    form.dealer.kpp = kpp_->IsEnabled() ? kpp_->GetValue().utf8_string() : std::string();
    form.salon_name = salon_name_->GetValue().utf8_string();
    form.salon_address = address_->GetValue().utf8_string();
    const int zone = time_zone_->GetSelection();
    if (zone >= 0) form.time_zone = pos::russian_time_zones()[static_cast<size_t>(zone)].zone;
    form.admin_login = login_->GetValue().utf8_string();
    form.admin_full_name = full_name_->GetValue().utf8_string();
    form.admin_password = password_->GetValue().utf8_string();
    form.admin_password_again = password_again_->GetValue().utf8_string();

    wxBusyCursor busy;
    try {
        // The file (or the schema) is created only now; the setup itself is one transaction, so a
        // refusal or a power cut leaves a database that is still not set up, and the wizard comes back.
        auto db = db::Database::open(db::DatabaseUrl::parse(tested_url_), db::Database::Mode::create_if_missing);
        db::migrate(*db);
        pos::run_first_setup(*db, key_, form);
        on_done_(std::move(db), tested_url_);
        Destroy();
    } catch (const pos::InputError& e) {
        show_error(e.input(), wxString::FromUTF8(e.message()));
    } catch (const DatabaseError& e) {
        show_error("database", wxString::FromUTF8(e.message()));
    } catch (const UserError& e) {
        show_error("database", wxString::FromUTF8(e.message()));  // already set up meanwhile
    }
}

}  // namespace salon::ui
