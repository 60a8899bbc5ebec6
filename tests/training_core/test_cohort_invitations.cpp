// Invitations (R-TRN-3): an SMS and an e-mail per candidate from the editable templates, each with his kiosk
// code, through the outboxes, with the delivery state (queued, sent, failed with its error) kept.
#include "pos/core/common/FormInput.hpp"
#include "pos/core/sale/SandboxSmsSender.hpp"
#include "tests/training_core/TrainingFixture.hpp"
#include "training/core/invitation/Invitation.hpp"
#include "training/core/invitation/MailOutbox.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace salon;
using namespace salon::test;

namespace {
struct BrokenRelay : training::MailSender {
    std::string name() const override { return "relay"; }
    bool is_sandbox() const override { return false; }
    void send(const std::string&, const std::string&, const std::string&) override {
        throw std::runtime_error("relay refused: 550 mailbox unavailable");
    }
};

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("Every candidate is invited by SMS and e-mail with his kiosk code, delivery state kept",
          "[training][R-TRN-3]") {
    TrainingFixture f;
    const auto id = f.candidate("Иванов Иван");
    training::add_candidate(f.db(), f.trainer(),
                            {f.cohort, f.dealer, 0, "Без почты", "+79161234500", "", "2026-12-01", ""});
    const auto code = f.code_of(id);
    CHECK(training::invite_cohort(f.db(), f.manager(), f.cohort) == 3);
    for (const auto& i : training::list_invitations(f.db(), f.trainer(), f.cohort))
        CHECK(i.state == "queued");
    // Inviting again queues nothing new.
    CHECK(training::invite_cohort(f.db(), f.trainer(), f.cohort) == 0);

    const auto folder = std::filesystem::path(f.t.folder());
    pos::SandboxSmsSender sms(folder / "sms.log");
    training::SandboxMailSender mail(folder / "mail");
    training::deliver_invitations(f.db(), sms, mail);
    const auto list = training::list_invitations(f.db(), f.trainer(), f.cohort);
    REQUIRE(list.size() == 3);
    for (const auto& i : list) {
        CHECK(i.state == "sent");
        CHECK(i.sender == "sandbox");
        CHECK(i.sent_at == training_test_morning());
    }
    CHECK(read_all(folder / "sms.log").find(code) != std::string::npos);
    std::string eml;
    for (const auto& e : std::filesystem::directory_iterator(folder / "mail" / "new"))
        eml += read_all(e.path());
    CHECK(eml.find("Subject:") != std::string::npos);
    CHECK(eml.find("cand@example.ru") != std::string::npos);
    std::string body;
    f.db().run("SELECT body FROM invitation WHERE candidate_id = :c AND channel = 'email'",
               soci::use(static_cast<long long>(id)), soci::into(body));
    CHECK(body.find(code) != std::string::npos);
    CHECK(body.find("11.12.2026") != std::string::npos);
    CHECK(body.find("Иванов Иван") != std::string::npos);
    CHECK(f.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'training.invitation.queue'") == 2);
}

TEST_CASE("A failed e-mail is kept with its error and shown as failed", "[training][R-TRN-3]") {
    TrainingFixture f;
    f.candidate("Иванов Иван");
    training::invite_cohort(f.db(), f.trainer(), f.cohort);
    pos::SandboxSmsSender sms(std::filesystem::path(f.t.folder()) / "sms.log");
    BrokenRelay relay;
    training::deliver_invitations(f.db(), sms, relay);
    for (const auto& i : training::list_invitations(f.db(), f.trainer(), f.cohort)) {
        if (i.channel == "sms") CHECK(i.state == "sent");
        if (i.channel == "email") {
            CHECK(i.state == "failed");
            CHECK(i.last_error.find("550") != std::string::npos);
        }
    }
    CHECK(f.count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND attempts = 1") == 1);
}

TEST_CASE("Templates are edited by trainers and must carry the code", "[training][R-TRN-3]") {
    TrainingFixture f;
    const auto input_of = [](const std::function<void()>& g) {
        try {
            g();
        } catch (const pos::InputError& e) {
            return e.input();
        }
        return std::string();
    };
    CHECK(input_of([&] {
              training::save_invitation_template(f.db(), f.trainer(), {"sms", "", "Приходите {date}"});
          }) == "body");
    CHECK_FALSE(refusal([&] {
                    training::save_invitation_template(f.db(), f.manager(), {"sms", "", "{code}"});
                }).empty());
    training::save_invitation_template(f.db(), f.trainer(), {"sms", "", "{name}: код {code}, начало {date}"});
    CHECK(training::get_invitation_template(f.db(), "sms").body == "{name}: код {code}, начало {date}");
    const auto id = f.candidate("Петров");
    training::invite_cohort(f.db(), f.trainer(), f.cohort);
    std::string body;
    f.db().run("SELECT body FROM invitation WHERE candidate_id = :c AND channel = 'sms'",
               soci::use(static_cast<long long>(id)), soci::into(body));
    CHECK(body == "Петров: код " + f.code_of(id) + ", начало 11.12.2026");
}
