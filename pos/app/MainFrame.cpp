#include "pos/app/MainFrame.hpp"

#include "db/Database.hpp"
#include "db/Text.hpp"
#include "db/UserError.hpp"
#include "pos/core/backup/StationBackups.hpp"
#include "pos/core/organisation/AdministrationPages.hpp"
#include "pos/core/organisation/Permission.hpp"
#include "pos/ui/BackupDialogs.hpp"
#include "pos/ui/CatalogPage.hpp"
#include "pos/ui/DashboardPage.hpp"
#include "pos/ui/DatabasePage.hpp"
#include "pos/ui/DealersPage.hpp"
#include "pos/ui/DeskPage.hpp"
#include "pos/ui/FiscalQueuePage.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/PermissionsPage.hpp"
#include "pos/ui/PortRequestsPage.hpp"
#include "pos/ui/RatingFrame.hpp"
#include "pos/ui/ReceiptDialog.hpp"
#include "pos/ui/SalesPage.hpp"
#include "pos/ui/SalonsPage.hpp"
#include "pos/ui/ShiftPage.hpp"
#include "pos/ui/StaffPage.hpp"
#include "pos/ui/StationPrinter.hpp"
#include "pos/ui/StockPage.hpp"
#include "pos/ui/StocktakePage.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "pos/ui/corporate/AdministratorChangePage.hpp"
#include "pos/ui/corporate/ApplicationsPage.hpp"
#include "pos/ui/corporate/CabinetPage.hpp"
#include "pos/ui/corporate/CorporateClientFormPage.hpp"
#include "pos/ui/corporate/CorporateClientsPage.hpp"
#include "pos/ui/corporate/RequestsPage.hpp"
#include "pos/ui/corporate/UsersImportPage.hpp"
#include "training/ui/TrainingDesk.hpp"
#include "reports/ui/DealerDeskPage.hpp"
#include "reports/ui/NormsTrafficPage.hpp"

#include <wx/display.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include <algorithm>
#include <ctime>

namespace salon::app {

using ui::ui_text;

MainFrame::MainFrame(db::Database& db, const pos::Actor& actor, Actions actions, std::string till)
    : wxFrame(nullptr, wxID_ANY, ui_text(trf("Salon Station — {1}", {actor.member().full_name}))),
      db_(db),
      actor_(actor),
      actions_(std::move(actions)),
      till_(std::move(till)) {
    auto* panel = new wxPanel(this);
    navigation_ = new wxTreeCtrl(panel, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(180, -1)),
                                 wxTR_HIDE_ROOT | wxTR_NO_LINES | wxTR_HAS_BUTTONS | wxTR_FULL_ROW_HIGHLIGHT |
                                     wxTR_SINGLE | wxBORDER_THEME);
    book_ = new wxSimplebook(panel);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(navigation_, 0, wxEXPAND | wxTOP | wxBOTTOM | wxLEFT, 8);
    sizer->Add(book_, 1, wxEXPAND);
    panel->SetSizer(sizer);

    build_pages();
    // Wide enough for the longest heading in the current language (with the tree's indent and its margin).
    navigation_->SetMinSize(
        wxSize(std::max(FromDIP(180), navigation_->GetBestSize().GetWidth() + FromDIP(24)), -1));
    build_menus();
    build_status_bar();

    navigation_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        const wxTreeItemId item = e.GetItem();
        for (std::size_t i = 0; i < page_items_.size(); ++i)
            if (page_items_[i] == item) return show_page(i);
        // A section heading stands for its first page.
        wxTreeItemIdValue cookie;
        const wxTreeItemId first = navigation_->GetFirstChild(item, cookie);
        if (first.IsOk()) navigation_->SelectItem(first);
    });

    // Never larger than the screen's working area: at 1024×768 the menu and the navigation stay on it.
    const int display = wxDisplay::GetFromWindow(this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    wxSize size = FromDIP(wxSize(1240, 740));
    size.DecTo(area.GetSize());
    wxSize least = FromDIP(wxSize(900, 560));
    least.DecTo(area.GetSize());
    SetMinSize(least);
    SetSize(size);
    Centre();
    if (size.GetWidth() >= area.GetWidth() || size.GetHeight() >= area.GetHeight()) Maximize();
    // The page's own keys (the desk's F3, Ctrl+F...) work while the navigation has the focus too, as it
    // has after Ctrl+digit: they go to the page shown. ProcessWindowEventLocally does not propagate back.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        ui::StationPage* page = current_page();
        const wxWindow* focus = wxWindow::FindFocus();
        if (page != nullptr && (focus == navigation_ || focus == nullptr || focus == this)) {
            wxKeyEvent forwarded(e);
            forwarded.SetEventObject(page);
            if (page->ProcessWindowEventLocally(forwarded)) return;
        }
        e.Skip();
    });
    navigation_->SelectItem(page_items_.front());  // shows the first page through the selection event
    // A salon's person starts at the desk, whose keys (F3 call, F5 top-up...) work inside the page.
    if (rating_ != nullptr) {
        pages_.front()->SetFocus();
        focus_ = pages_.front();  // bring_back() gives it the focus once the frame is mapped
    } else {
        navigation_->SetFocus();
    }
    // The daily backup while the station runs: checked every ten minutes, made when the newest in the
    // backup folder is older than a day (pos::backup_if_due), so a station that runs all week makes one a day.
    backup_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { back_up_if_due(); });
    backup_timer_.Start(10 * 60 * 1000);
}

void MainFrame::back_up_if_due() {
    try {
        const auto run = pos::backup_if_due(db_, actor_, static_cast<std::int64_t>(std::time(nullptr)));
        // A failure is journaled by core; the status bar says it, without interrupting a sale.
        if (run && !run->ok())
            SetStatusText(wxString::FromUTF8(std::string(db::backend_name(db_.backend()))) + " · " +
                              ui_text(trf("The backup failed: {1}", {run->error->str()})),
                          2);
        else if (run)
            SetStatusText(wxString::FromUTF8(std::string(db::backend_name(db_.backend()))), 2);
    } catch (const std::exception&) {
        // backup_if_due reports its own failures; a person locked since sign-in is the sign-in's business
    }
}

MainFrame::~MainFrame() {
    if (rating_) rating_->Destroy();
}

void MainFrame::build_pages() {
    const wxTreeItemId root = navigation_->AddRoot(wxString());
    // A salon's people work at its desk first: the sale, then the shift.
    if (pos::works_in_salon(actor_.member().role) && actor_.member().salon_id != 0) {
        const wxTreeItemId desk = navigation_->AppendItem(root, ui_text(tr("Desk")));
        navigation_->SetItemBold(desk);
        rating_ = new ui::RatingFrame(db_);
        add_page(desk,
                 new ui::DeskPage(book_, db_, actor_, till_,
                                  [this](std::int64_t sale) { ui::show_receipt(this, db_, actor_, sale); },
                                  [this](std::int64_t visit, const std::string& label) { rating_->ask(visit, label); }),
                 ui_text(tr("Sale")), "Ctrl+1");
        add_page(desk, new ui::ShiftPage(book_, db_, actor_, till_), ui_text(tr("Shift")), "Ctrl+2");
        add_page(desk, new ui::DashboardPage(book_, db_, actor_), ui_text(tr("Dashboard")), "Ctrl+3");
        add_page(desk, new ui::SalesPage(book_, db_, actor_, till_), ui_text(tr("Sales and refunds")), "Ctrl+4");
        add_page(desk, new ui::StockPage(book_, db_, actor_, actor_.member().salon_id), ui_text(tr("SIM stock")), "Ctrl+5");
        add_page(desk, new ui::PortRequestsPage(book_, db_, actor_), ui_text(tr("Port-in requests")), "Ctrl+6");
        add_page(desk, new ui::FiscalQueuePage(book_, db_, actor_, till_), ui_text(tr("Fiscal registrar")),
                 "Ctrl+Shift+F");
    }
    // Only what the role may do: a specialist is not shown forms that Save would refuse.
    std::vector<pos::AdministrationPage> administered;
    try {
        administered = pos::administration_pages(db_, actor_);
    } catch (const UserError&) {
    }
    if (!administered.empty()) {
        const wxTreeItemId administration = navigation_->AppendItem(root, ui_text(tr("Administration")));
        navigation_->SetItemBold(administration);
        for (const pos::AdministrationPage page : administered) switch (page) {
            case pos::AdministrationPage::dealers:
                add_page(administration, new ui::DealersPage(book_, db_, actor_), ui_text(tr("Dealers")), "Ctrl+7");
                break;
            case pos::AdministrationPage::salons:
                add_page(administration, new ui::SalonsPage(book_, db_, actor_), ui_text(tr("Salons")), "Ctrl+8");
                break;
            case pos::AdministrationPage::staff:
                add_page(administration, new ui::StaffPage(book_, db_, actor_), ui_text(tr("Staff")), "Ctrl+9");
                break;
            case pos::AdministrationPage::permissions:
                add_page(administration, new ui::PermissionsPage(book_, db_, actor_), ui_text(tr("Permissions")),
                         "Ctrl+0");
                break;
            case pos::AdministrationPage::database:
                add_page(administration, new ui::DatabasePage(book_, db_), ui_text(tr("Database")), "Ctrl+Shift+D");
                break;
            }
    }
    // The stock of the salons a dealer's manager or head office handles (as core lets them), and the catalog
    // for those who edit it.
    const auto may = [this](pos::Permission p) {
        try {
            return actor_.may(db_, p);
        } catch (const UserError&) {
            return false;
        }
    };
    const bool salon_person = pos::works_in_salon(actor_.member().role) && actor_.member().salon_id != 0;
    const bool handles_stock =
        !salon_person && may(actor_.member().role == pos::Role::dealer_manager ? pos::Permission::manage_staff
                                                                              : pos::Permission::administer_database);
    const bool edits_catalog = may(pos::Permission::administer_database);
    if (handles_stock || edits_catalog) {
        const wxTreeItemId goods = navigation_->AppendItem(root, ui_text(tr("Goods")));
        navigation_->SetItemBold(goods);
        if (handles_stock) add_page(goods, new ui::StockPage(book_, db_, actor_, 0), ui_text(tr("SIM stock")), "Ctrl+5");
        if (edits_catalog) add_page(goods, new ui::CatalogPage(book_, db_, actor_), ui_text(tr("Catalog")), "Ctrl+Shift+K");
    }
    // The corporate desk for whoever may work there (R-CORP-1..8); core checks again on every operation. Last,
    // so the other pages keep their Ctrl+digit; its own pages have Alt+digit.
    bool corporate = false;
    try {
        corporate = actor_.may(db_, pos::Permission::corporate_desk);
    } catch (const UserError&) {
    }
    if (corporate) {
        const wxTreeItemId desk = navigation_->AppendItem(root, ui_text(tr("Corporate desk")));
        navigation_->SetItemBold(desk);
        add_page(desk, new ui::CorporateClientsPage(book_, db_, actor_), ui_text(tr("Companies")), "Alt+1");
        add_page(desk, new ui::ApplicationsPage(book_, db_, actor_), ui_text(tr("Applications")), "Alt+2");
        // The shipped sender is the sandbox; an SMS centre plugs in behind pos::SmsSender.
        add_page(desk, new ui::CabinetPage(book_, db_, actor_, std::make_unique<pos::SandboxSmsSender>()),
                 ui_text(tr("Cabinet")), "Alt+3");
        add_page(desk, new ui::CorporateClientFormPage(book_, db_, actor_), ui_text(tr("New company")), "Alt+4");
        add_page(desk, new ui::AdministratorChangePage(book_, db_, actor_), ui_text(tr("Administrator change")), "Alt+5");
        add_page(desk, new ui::UsersImportPage(book_, db_, actor_), ui_text(tr("Users' data")), "Alt+6");
        add_page(desk, new ui::RequestsPage(book_, db_, actor_), ui_text(tr("Requests")), "Alt+7");
    }
    // The training centre (R-TRN-1..11) for trainers and for dealers who send candidates and vote; its pages
    // have Ctrl+Alt+digit (Shift+digit is a different key to GTK: "!" for Shift+1).
    wxTreeItemId training;
    ui::add_training_pages(book_, db_, actor_, [&](ui::StationPage* page, const wxString& title, const wxString& key) {
        if (!training.IsOk()) {
            training = navigation_->AppendItem(root, ui_text(tr("Training centre")));
            navigation_->SetItemBold(training);
        }
        add_page(training, page, title, key);
    });
    // The dealer's desk (R-POS-2, R-POS-4, R-POS-6) for dealers' managers and head office: their salons side
    // by side, the reward accruing, statements and disputes.
    if (!salon_person && may(pos::Permission::view_dealer_reports)) {
        const wxTreeItemId dealer_desk = navigation_->AppendItem(root, ui_text(tr("Dealer's desk")));
        navigation_->SetItemBold(dealer_desk);
        add_page(dealer_desk, new ui::DealerDeskPage(book_, db_, actor_), ui_text(tr("Salons and reward")), "Ctrl+Shift+R");
        add_page(dealer_desk, new ui::NormsTrafficPage(book_, db_, actor_), ui_text(tr("Norms and traffic")), "Ctrl+Shift+N");
    }
    // The salon's stocktake, shown in the desk's section (its first) though added last.
    if (salon_person) {
        wxTreeItemIdValue cookie;
        add_page(navigation_->GetFirstChild(root, cookie),
                 new ui::StocktakePage(book_, db_, actor_, actor_.member().salon_id), ui_text(tr("Stocktake")),
                 "Ctrl+Shift+I");
    }
    navigation_->ExpandAll();
}

void MainFrame::add_page(wxTreeItemId section, ui::StationPage* page, const wxString& title, const wxString& key) {
    book_->AddPage(page, title);
    page_keys_.push_back(key);
    pages_.push_back(page);
    page_titles_.push_back(title);
    page_items_.push_back(navigation_->AppendItem(section, title));
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    wxMenuItem* switch_person = file->Append(wxID_ANY, ui_text(tr("S&witch person")) + "\tCtrl+L");
    wxMenuItem* sign_out = file->Append(wxID_ANY, ui_text(tr("Sign &out")) + "\tCtrl+Shift+L");
    file->AppendSeparator();
    wxMenuItem* printer = file->Append(wxID_ANY, ui_text(tr("&Printer…")));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ui::choose_station_printer(this); }, printer->GetId());
    bool administers = false;
    try {
        administers = actor_.may(db_, pos::Permission::administer_database);
    } catch (const std::exception&) {
    }
    if (administers) {  // backups, their settings and a restore are the administrator's (core checks again)
        file->AppendSeparator();
        wxMenuItem* back_up = file->Append(wxID_ANY, ui_text(tr("&Back up now")));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) { ui::back_up_now(this, db_, actor_); }, back_up->GetId());
        wxMenuItem* backup_settings = file->Append(wxID_ANY, ui_text(tr("Backup se&ttings…")));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) {
            ui::BackupSettingsDialog dialog(this, db_, actor_);
            dialog.ShowModal();
        }, backup_settings->GetId());
        wxMenuItem* restore = file->Append(wxID_ANY, ui_text(tr("&Restore from backup…")));
        Bind(wxEVT_MENU, [this](wxCommandEvent&) {
            // The database under every page was replaced: everyone is signed out and the station closes.
            if (ui::restore_from_backup(this, db_, actor_)) CallAfter([this] { actions_.quit(); });
        }, restore->GetId());
    }
    file->AppendSeparator();
    file->Append(wxID_EXIT, ui_text(tr("&Quit")) + "\tCtrl+Q");

    auto* edit = new wxMenu;
    new_item_ = edit->Append(wxID_NEW, ui_text(tr("&New")) + "\tCtrl+N");
    save_item_ = edit->Append(wxID_SAVE, ui_text(tr("&Save")) + "\tCtrl+S");

    auto* go = new wxMenu;
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        // Each page's key is its own, whoever signed in (Ctrl+3 is the dashboard for every role).
        wxMenuItem* item =
            go->Append(wxID_ANY, page_titles_[i] + (!page_keys_[i].empty() ? "\t" + page_keys_[i] : wxString()));
        Bind(
            wxEVT_MENU, [this, i](wxCommandEvent&) { navigation_->SelectItem(page_items_[i]); },
            item->GetId());
    }

    auto* help = new wxMenu;
    wxMenuItem* keys = help->Append(wxID_ANY, ui_text(tr("&Keyboard shortcuts")) + "\tF1");
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_keys(); }, keys->GetId());

    auto* bar = new wxMenuBar;
    bar->Append(file, ui_text(tr("&File")));
    bar->Append(edit, ui_text(tr("&Edit")));
    bar->Append(go, ui_text(tr("&Go")));
    bar->Append(help, ui_text(tr("&Help")));
    SetMenuBar(bar);

    // The application may hide or destroy this frame: each runs after the menu's event has been handled.
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { CallAfter([this] { actions_.switch_person(); }); },
        switch_person->GetId());
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { CallAfter([this] { actions_.sign_out(); }); }, sign_out->GetId());
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { CallAfter([this] { actions_.quit(); }); }, wxID_EXIT);
    // Closing one person's window closes the station, as Quit does, whoever else has work kept.
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (!e.CanVeto()) return e.Skip();
        e.Veto();
        CallAfter([this] { actions_.quit(); });
    });
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* page = current_page()) page->new_record();
        },
        wxID_NEW);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* page = current_page()) page->save();
        },
        wxID_SAVE);
}

void MainFrame::show_keys() {
    // Every key on one screen: the page's own first (the desk's F-keys), then the pages, then the menus'.
    std::vector<ui::KeyHelp> rows;
    if (ui::StationPage* page = current_page()) rows = page->key_help();
    for (std::size_t i = 0; i < pages_.size(); ++i)
        if (!page_keys_[i].empty()) rows.push_back({page_keys_[i], page_titles_[i]});
    rows.push_back({"Ctrl+N", ui_text(tr("New record (administration pages)"))});
    rows.push_back({"Ctrl+S", ui_text(tr("Save the record"))});
    rows.push_back({"Ctrl+L", ui_text(tr("Switch person, keeping the work"))});
    rows.push_back({"Ctrl+Shift+L", ui_text(tr("Sign out"))});
    rows.push_back({"Ctrl+Q", ui_text(tr("Quit"))});
    ui::show_key_help(this, rows);
}

void MainFrame::build_status_bar() {
    wxStatusBar* status = CreateStatusBar(4);
    const int widths[] = {-2, -3, -1, -1};
    status->SetStatusWidths(4, widths);
    const pos::StaffMember& member = actor_.member();
    std::string place;
    if (!member.salon_name.empty())
        place = member.salon_name;
    else if (!member.dealer_name.empty())
        place = member.dealer_name;
    else
        place = tr("Head office").str();
    SetStatusText(wxString::FromUTF8(place), 0);
    SetStatusText(wxString::FromUTF8(member.full_name + " — " + pos::role_title(member.role).str()), 1);
    SetStatusText(wxString::FromUTF8(std::string(db::backend_name(db_.backend()))), 2);
    int version = 0;
    try {
        version = db_.schema_version();
    } catch (const std::exception&) {
        // The Database page says what is wrong; the status bar just shows no version.
    }
    SetStatusText(ui_text(trf("schema v{1}", {std::to_string(version)})), 3);
}

void MainFrame::show_page(std::size_t index) {
    if (index >= pages_.size()) return;
    if (book_->GetSelection() != static_cast<int>(index)) book_->ChangeSelection(index);
    pages_[index]->refresh();
    // A page brought forward by its key (Ctrl+2) while the focus was in the page before: that input is
    // hidden now, and the keys typed next would go to the hidden page. The page shown takes the focus;
    // a person moving through the navigation keeps it there.
    CallAfter([this, index] {
        wxWindow* focus = wxWindow::FindFocus();
        if (focus == navigation_ || index >= pages_.size() || book_->GetSelection() != static_cast<int>(index)) return;
        for (wxWindow* w = focus; w != nullptr; w = w->GetParent())
            if (w == pages_[index]) return;
        pages_[index]->SetFocus();
    });
    const bool edits = pages_[index]->edits_records();
    new_item_->Enable(edits);
    save_item_->Enable(edits);
}

void MainFrame::put_away() {
    wxWindow* focus = wxWindow::FindFocus();
    focus_ = focus != nullptr && wxGetTopLevelParent(focus) == this ? focus : nullptr;
    Hide();
}

void MainFrame::bring_back() {
    Show();
    Raise();
    // Once the window manager has the frame back: focusing a window being mapped is lost.
    CallAfter([this] {
        if (auto* page = current_page()) page->welcome_back();
        if (focus_) focus_->SetFocus();
    });
}

ui::StationPage* MainFrame::current_page() {
    const int index = book_->GetSelection();
    if (index == wxNOT_FOUND) return nullptr;
    return pages_[static_cast<std::size_t>(index)];
}

}  // namespace salon::app
