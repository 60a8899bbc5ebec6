// Personal data as lists, reports and the audit journal show it (152-FZ, 245-FZ): masked, so that a
// screen over a salon counter or a printed report never shows a whole passport, birth date or address.
#pragma once

#include <string>

namespace salon::pos {

class Passport;
class Msisdn;

// "4506 123456" → "45 ** ****56"
std::string mask(const Passport& passport);
// "+79123456789" → "+7 912 ***-**-89"
std::string mask(const Msisdn& number);
// A birth date YYYY-MM-DD → "**.**.1985"; anything else → "**.**.****"
std::string mask_birth_date(const std::string& iso_date);
// An address keeps its first part (the region or city) → "Москва, ***"
std::string mask_address(const std::string& address);
// A full name keeps the surname, the other names become initials → "Иванов И. И."
std::string mask_full_name(const std::string& full_name);

}  // namespace salon::pos
