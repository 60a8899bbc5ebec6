// Reading the mails companies send (R-CORP-4, R-CORP-5) and telling what they ask for: the fixtures under
// tests/fixtures/mail are written as mailers write them (encoded words, quoted-printable, base64, KOI8-R,
// Windows-1251 with and without a declared charset, a multipart with an attachment, a broken file).
#include "db/UserError.hpp"
#include "pos/corporate/InboundMailReader.hpp"
#include "pos/corporate/RequestRecogniser.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace salon;
using namespace salon::pos;
using namespace salon::pos::corporate;

namespace {

std::string fixture(const std::string& name) { return std::string(SALON_MAIL_FIXTURES) + "/" + name; }

RecognisedRequest recognised(const InboundMail& mail) {
    auto r = RequestRecogniser().recognise(mail.subject, mail.body);
    REQUIRE(r);
    return *r;
}

}  // namespace

TEST_CASE("a quoted-printable UTF-8 mail with encoded-word headers is read and is a block request",
          "[R-CORP-5]") {
    const auto mail = InboundMailReader::read_file(fixture("block_utf8_qp.eml"));
    CHECK(mail.message_id == "block-1@romashka.example");
    CHECK(mail.from_address == "office@romashka.example");  // lower-cased: R-CORP-4 compares addresses
    CHECK(mail.from_name == "Бухгалтерия Ромашки");
    CHECK(mail.subject == "Блокировка SIM-карты");
    REQUIRE(mail.date);
    CHECK(*mail.date == 1796109300);  // 2026-12-01 07:15:00 UTC
    CHECK(mail.body.find("заблокировать сим-карту с номером 8 (912) 345-67-89") != std::string::npos);
    CHECK(mail.body.find('\r') == std::string::npos);
    const auto r = recognised(mail);
    CHECK(r.kind == RequestKind::block_sim);
    REQUIRE(r.numbers.size() == 1);  // the INN in the signature is no number
    CHECK(r.numbers[0].str() == "+79123456789");
}

TEST_CASE("a KOI8-R mail is decoded to UTF-8 and asks for the PUK code", "[R-CORP-5]") {
    const auto mail = InboundMailReader::read_file(fixture("puk_koi8r.eml"));
    CHECK(mail.subject == "Восстановить PUK");
    CHECK(mail.body.find("Просим восстановить PUK-код для номера +7 912 345 67 80.") != std::string::npos);
    const auto r = recognised(mail);
    CHECK(r.kind == RequestKind::restore_pin_puk);
    REQUIRE(r.numbers.size() == 1);
    CHECK(r.numbers[0].str() == "+79123456780");
}

TEST_CASE("a Windows-1251 base64 mail asks for the list of the company's numbers", "[R-CORP-13]") {
    const auto mail = InboundMailReader::read_file(fixture("number_list_cp1251.eml"));
    CHECK(mail.subject == "Запрос списка номеров");
    CHECK(mail.from_address == "sidorov@ip-sidorov.example");
    CHECK(mail.from_name == "ИП Сидоров");
    CHECK(mail.body.find("перечень всех номеров, закреплённых") != std::string::npos);
    const auto r = recognised(mail);
    CHECK(r.kind == RequestKind::number_list);
    CHECK(r.numbers.empty());  // "№ 15/2026" is a contract, not a number
}

TEST_CASE("a multipart mail gives its plain text and its attachment's decoded name", "[R-CORP-5]") {
    const auto mail = InboundMailReader::read_file(fixture("personal_data_multipart.eml"));
    CHECK(mail.subject == "Смена пользователя");
    CHECK(mail.body ==
          "Просим изменить данные пользователя номера 89123456781.\nНовые данные во вложении.\n");
    REQUIRE(mail.attachments.size() == 1);
    CHECK(mail.attachments[0] == "Данные.xlsx");
    const auto r = recognised(mail);
    CHECK(r.kind == RequestKind::change_personal_data);
    REQUIRE(r.numbers.size() == 1);
    CHECK(r.numbers[0].str() == "+79123456781");
}

TEST_CASE("8-bit Windows-1251 without a declared charset is still read; a quoted line is not the request",
          "[R-CORP-5]") {
    const auto mail = InboundMailReader::read_file(fixture("unblock_undeclared_cp1251.eml"));
    CHECK(mail.body.find("Телефон нашёлся, просим разблокировать 8-912-345-67-89.") != std::string::npos);
    const auto r = recognised(mail);
    CHECK(r.kind == RequestKind::unblock_sim);
    REQUIRE(r.numbers.size() == 1);
    CHECK(r.numbers[0].str() == "+79123456789");
}

TEST_CASE("a greeting is no request", "[R-CORP-5]") {
    const auto mail = InboundMailReader::read_file(fixture("no_request.eml"));
    CHECK(mail.subject == "С наступающим Новым годом!");
    CHECK_FALSE(RequestRecogniser().recognise(mail.subject, mail.body));
}

TEST_CASE("a binary file, an empty file and a missing file are refused with a reason", "[R-CORP-4]") {
    CHECK_THROWS_AS(InboundMailReader::read_file(fixture("broken.eml")), ValidationError);
    const std::string empty = std::filesystem::temp_directory_path() / "salon-empty-mail.eml";
    std::ofstream(empty).close();
    CHECK_THROWS_AS(InboundMailReader::read_file(empty), ValidationError);
    std::filesystem::remove(empty);
    CHECK_THROWS_AS(InboundMailReader::read_file(fixture("no-such-mail.eml")), ValidationError);
}

TEST_CASE("a header with a control character or an oversized mail is refused", "[R-CORP-4]") {
    CHECK_THROWS_AS(
        InboundMailReader::parse("From: a@b.example\r\nSubject: =?UTF-8?Q?a=07b?=\r\n\r\nbody\r\n", "x"),
        ValidationError);
    std::string huge = "From: a@b.example\r\nSubject: x\r\n\r\n";
    huge.append(kMaxMailBytes, 'a');
    CHECK_THROWS_AS(InboundMailReader::parse(huge, "huge"), ValidationError);
    CHECK_THROWS_AS(InboundMailReader::parse("Subject: no sender\r\n\r\nbody\r\n", "x"), ValidationError);
}

TEST_CASE("a mail without a Message-ID is known by its content", "[R-CORP-4]") {
    const std::string text = "From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n";
    const auto one = InboundMailReader::parse(text, "one"), two = InboundMailReader::parse(text, "two");
    CHECK(one.message_id.rfind("sha256:", 0) == 0);
    CHECK(one.message_id == two.message_id);
    CHECK(InboundMailReader::parse(text + "more", "three").message_id != one.message_id);
}

TEST_CASE("a maildir folder is read from cur and new; a broken mail does not stop the others", "[R-CORP-4]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "salon-maildir-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "cur");
    fs::create_directories(dir / "new");
    fs::create_directories(dir / "tmp");
    fs::copy_file(fixture("block_utf8_qp.eml"), dir / "cur" / "1.host:2,S");
    fs::copy_file(fixture("broken.eml"), dir / "new" / "2.host");
    fs::copy_file(fixture("no_request.eml"), dir / "new" / "3.host");
    fs::copy_file(fixture("puk_koi8r.eml"), dir / "tmp" / "4.host");  // still being delivered
    const auto files = InboundMailReader::read_path(dir.string());
    REQUIRE(files.size() == 3);
    CHECK(files[0].mail);
    CHECK_FALSE(files[1].mail);
    CHECK_FALSE(files[1].problem.empty());
    CHECK(files[2].mail);
    CHECK_THROWS_AS(InboundMailReader::read_path((dir / "tmp").string()), ValidationError);  // no maildir
    fs::remove_all(dir);
}

TEST_CASE("numbers are found as people write them, and identifiers are not numbers", "[R-CORP-5]") {
    auto numbers = [](const char* text) {
        std::vector<std::string> out;
        for (const auto& n : RequestRecogniser::numbers_in(text)) out.push_back(n.str());
        return out;
    };
    CHECK(numbers("+7 (912) 345-67-89, 8-912-345-67-80 и 9123456781") ==
          std::vector<std::string>{"+79123456789", "+79123456780", "+79123456781"});
    CHECK(numbers("номер:89123456789; снова +79123456789") == std::vector<std::string>{"+79123456789"});
    CHECK(numbers("ИНН 9123456789, счёт 40702810912345678901, карта 4276 1234 5678 9012").empty());
    CHECK(numbers("звоните 8 800 555-35-35").empty());  // toll-free: no SIM of the company
}

TEST_CASE("the keyword table decides: unblocking outweighs blocking, a tie is left to a person",
          "[R-CORP-5]") {
    const RequestRecogniser r;
    CHECK(r.recognise("", "Прошу снять блокировку с номера 89123456789")->kind == RequestKind::unblock_sim);
    CHECK(r.recognise("Лимит", "установить лимит расходов 3000 руб. на 89123456789")->kind ==
          RequestKind::spending_limit);
    CHECK(r.recognise("", "Прошу сменить адрес доставки счетов на г. Тверь, ул. Ленина, 1")->kind ==
          RequestKind::billing_address);
    CHECK(r.recognise("Не можем войти в ЛК", "забыли логин и пароль от личного кабинета")->kind ==
          RequestKind::restore_cabinet_login);
    CHECK(r.recognise("", "Ошибочно оплатили не на тот номер, просим перенести платёж")->kind ==
          RequestKind::transfer_payment);
    CHECK_FALSE(
        r.recognise("", "заблокировать номер и восстановить PUK"));  // block 3 vs PUK 3: a person reads it
    // A table of one's own: the recogniser holds no words of its own.
    const RequestKeyword only[] = {{RequestKind::number_list, "^реестр", 3}};
    CHECK(RequestRecogniser(only).recognise("", "Пришлите реестр")->kind == RequestKind::number_list);
    CHECK_FALSE(RequestRecogniser(only).recognise("", "заблокируйте номер"));
}

TEST_CASE("a maildir over the cap is refused whole before any mail is read", "[R-CORP-4]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "salon-maildir-cap-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "new");
    for (std::size_t i = 0; i <= kMaxMailsPerImport; ++i)
        std::ofstream(dir / "new" / std::to_string(i)) << "x";
    try {
        InboundMailReader::read_path(dir.string());
        FAIL("read");
    } catch (const ValidationError& e) {
        CHECK(e.reason().english().find("at most 10 000") != std::string::npos);
    }
    fs::remove_all(dir);
}
