#include "pos/app/CorporateGuiTest.hpp"

#include "db/Text.hpp"
#include "pos/app/MainFrame.hpp"
#include "pos/ui/FormFields.hpp"
#include "pos/ui/corporate/ApplicationsPage.hpp"
#include "pos/ui/corporate/UsersImportPage.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dir.h>
#include <wx/filefn.h>
#include <wx/listctrl.h>
#include <wx/simplebook.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <iostream>

namespace salon::app {

namespace {

class Walk {
public:
    explicit Walk(MainFrame& frame) : frame_(frame) {}

    // Opens a page through the Go menu, as its shortcut does.
    bool go(const Text& title) {
        const int id = frame_.GetMenuBar()->FindMenuItem(ui::ui_text(tr("&Go")), ui::ui_text(title));
        if (id == wxNOT_FOUND) return fail("no page " + title.str());
        wxCommandEvent e(wxEVT_MENU, id);
        frame_.GetEventHandler()->ProcessEvent(e);
        page_ = book() ? book()->GetCurrentPage() : nullptr;
        std::cout << "page: " << title.str() << std::endl;
        return page_ != nullptr;
    }
    template <class T>
    T* find(const std::string& name) {
        auto* w = page_ ? dynamic_cast<T*>(wxWindow::FindWindowByName(name, page_)) : nullptr;
        if (!w) fail("no input " + name);
        return w;
    }
    bool type(const std::string& name, const std::string& text) {
        auto* t = find<wxTextCtrl>(name);
        if (!t) return false;
        t->SetValue(wxString::FromUTF8(text));
        return true;
    }
    bool search(const std::string& name, const std::string& text) {
        auto* t = find<wxSearchCtrl>(name);
        if (!t) return false;
        t->SetValue(wxString::FromUTF8(text));
        return true;
    }
    bool press(const std::string& name) {
        auto* b = find<wxButton>(name);
        if (!b) return false;
        if (!b->IsEnabled()) return fail("button " + name + " is disabled");
        wxCommandEvent e(wxEVT_BUTTON, b->GetId());
        e.SetEventObject(b);
        b->ProcessWindowEvent(e);
        say(name);
        return true;
    }
    bool choose(const std::string& name, const std::string& starting_with) {
        auto* c = find<wxChoice>(name);
        if (!c) return false;
        for (unsigned i = 0; i < c->GetCount(); ++i)
            if (c->GetString(i).utf8_string().rfind(starting_with, 0) == 0) {
                c->SetSelection(static_cast<int>(i));
                wxCommandEvent e(wxEVT_CHOICE, c->GetId());
                e.SetEventObject(c);
                e.SetInt(static_cast<int>(i));
                c->ProcessWindowEvent(e);
                return true;
            }
        return fail("no choice " + starting_with + " in " + name);
    }
    std::string label(const std::string& name) {
        auto* s = find<wxStaticText>(name);
        return s ? s->GetLabel().utf8_string() : std::string();
    }
    bool fail(const std::string& what) {
        std::cout << "gui-test: FAILED: " << what << std::endl;
        return false;
    }

private:
    wxSimplebook* book() {
        wxWindowList stack = frame_.GetChildren();
        while (!stack.empty()) {
            wxWindow* w = stack.front();
            stack.pop_front();
            if (auto* b = dynamic_cast<wxSimplebook*>(w)) return b;
            for (wxWindow* c : w->GetChildren()) stack.push_back(c);
        }
        return nullptr;
    }
    // What the page answered, for the test's log.
    void say(const std::string& step) {
        std::string answer;
        for (const char* name : {"status", "number_status"})
            if (auto* s = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName(name, page_)))
                if (!s->GetLabel().empty()) answer += " [" + s->GetLabel().utf8_string() + "]";
        std::cout << "  " << step << answer << std::endl;
    }

    MainFrame& frame_;
    wxWindow* page_ = nullptr;
};

}  // namespace

bool run_corporate_gui_test(MainFrame& frame, const std::string& dir) {
    Walk w(frame);
    const std::string company = "ООО «Проверка окон»";
    // A wrong check digit is refused beside the INN, nothing saved; then the legal entity (10-digit INN, KPP)
    // with two numbers on the first business tariff.
    if (!(w.go(tr("New company")) && w.type("inn", "7725123451") && w.type("ogrn", "1217700987657") &&
          w.type("kpp", "772501001") && w.type("official_name", company) &&
          w.type("contract_number", "КД-77/1") && w.type("contract_date", "01.02.2026") &&
          w.press("register")))
        return false;
    std::cout << "  error beside inn: " << w.label("error_inn") << std::endl;
    if (!(w.type("inn", "7725123450") && w.press("register") && w.choose("company", company) &&
          w.type("msisdn", "+7 905 777-00-01") && w.press("add_number") &&
          w.type("msisdn", "+7 905 777-00-02") && w.press("add_number")))
        return false;
    // The application with a new power of attorney of the head, then its steps.
    if (!(w.go(tr("Applications")) && w.choose("company", company) &&
          w.type("bound_email", "it@proverka.ru") && w.choose("admin_msisdn", "+7 905 777-00-02") &&
          w.choose("power_of_attorney", tr("A new one, typed below").str()) && w.type("poa_number", "Д-15") &&
          w.type("poa_issued_on", "01.09.2026") && w.type("poa_valid_until", "31.12.2027") &&
          w.type("poa_issued_by", "Генеральный директор Орлов А. В.") &&
          w.type("poa_issued_to", "Смирнова Е. П.") && w.press("file_application") && w.press("print")))
        return false;
    const wxString pdf = ui::ApplicationsPage::pdf_folder();
    {
        wxArrayString printed;
        wxDir::GetAllFiles(pdf, &printed, "application-*.pdf", wxDIR_FILES);
        for (const wxString& f : printed) std::cout << "  printed: " << f.utf8_string() << std::endl;
        if (printed.empty() || !wxCopyFile(printed.Last(), wxString::FromUTF8(dir + "/application.pdf")))
            return w.fail("no PDF");
    }
    if (!(w.press("to_signed") && w.press("to_registered") && w.press("to_active"))) return false;
    // The cabinet's three steps; the sandbox shows the SMS's text on the page, the code at its end.
    if (!(w.go(tr("Cabinet")) && w.choose("company", company) && w.press("open_page") &&
          w.press("get_password") && w.type("phone", "8 905 777-00-02") && w.press("send_code")))
        return false;
    std::cout << "  sandbox notice: " << w.label("sandbox") << std::endl;
    const std::string sms = w.label("sms_state");
    std::cout << "  sms: " << sms << std::endl;
    const auto end = sms.find_last_of("0123456789");
    if (end == std::string::npos || end < 5) return w.fail("no code on the page");
    if (!(w.type("code", sms.substr(end - 5, 6)) && w.press("sign_in") && w.press("password_set")))
        return false;
    std::cout << "  next: " << w.label("next") << std::endl;
    // The users' data: the file the "Choose the file…" dialog would give, previewed, its valid rows imported.
    if (!(w.go(tr("Users' data")) && w.choose("company", company))) return false;
    if (auto* page = w.find<ui::UsersImportPage>("users_import"))
        page->preview_file(wxString::FromUTF8(dir + "/users.csv"));
    std::cout << "  preview: " << w.label("summary") << std::endl;
    if (auto* problems = w.find<wxListCtrl>("problems"))
        for (long i = 0; i < problems->GetItemCount(); ++i)
            std::cout << "  problem: row " << problems->GetItemText(i, 0).utf8_string() << ", "
                      << problems->GetItemText(i, 1).utf8_string() << ": "
                      << problems->GetItemText(i, 2).utf8_string() << std::endl;
    if (!w.press("import_valid")) return false;
    // The administrator change (R-CORP-7) for a demo company: a new administrator on another of its numbers.
    const std::string other = "ИП Лебедев";
    if (!(w.go(tr("Administrator change")) && w.choose("company", other))) return false;
    std::cout << "  current: " << w.label("current") << std::endl;
    if (!(w.choose("admin_msisdn", "+7 902 100-02-02") && w.press("change_admin"))) return false;
    // A request at the desk (R-CORP-5): a demo company's SIM blocked, started and done.
    if (!(w.go(tr("Requests")) && w.choose("company", "ООО «Северный ветер»") &&
          w.type("number", "+7 902 100-01-05") && w.type("details", "SIM lost") && w.press("take_request") &&
          w.press("start_request") && w.press("complete_request")))
        return false;
    // The company's card, for the screenshot.
    if (!(w.go(tr("Companies")) && w.search("search", "7725") && w.search("search", ""))) return false;
    std::cout << "gui-test corporate: done" << std::endl;
    return true;
}

}  // namespace salon::app
