// Romanian customers and places for simulated orders. Locality ids are simulator-made but stable.

export const FIRST_NAMES = [
  "Andrei", "Alexandru", "Mihai", "Ion", "Gheorghe", "Cristian", "Florin", "Ionuț", "Adrian", "Bogdan",
  "Răzvan", "Vlad", "Ștefan", "Radu", "Marius", "Daniel", "Cătălin", "Dragoș", "Sorin", "Paul",
  "Maria", "Elena", "Ioana", "Ana", "Andreea", "Alexandra", "Cristina", "Mihaela", "Gabriela", "Irina",
  "Roxana", "Larisa", "Diana", "Alina", "Simona", "Raluca", "Oana", "Bianca", "Carmen", "Ramona",
] as const;

export const LAST_NAMES = [
  "Popescu", "Ionescu", "Popa", "Pop", "Radu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Matei",
  "Ciobanu", "Rusu", "Munteanu", "Constantin", "Marin", "Florea", "Dinu", "Tudor", "Barbu", "Nistor",
  "Ene", "Lungu", "Toma", "Moldovan", "Dobre", "Mocanu", "Ilie", "Stănescu", "Sârbu", "Oprea",
  "Neagu", "Diaconu", "Cristea", "Mihai", "Dragomir", "Vasile", "Preda", "Anghel", "Iordache", "Manole",
] as const;

export const COMPANIES = [
  "Alfa Distribuție SRL", "Tehno Construct SRL", "Verde Agro SRL", "Nord Logistic SRL", "Carpați Trade SRL",
  "Delta Instal SRL", "Arhitext Design SRL", "Medicor Clinic SRL",
] as const;

/** [city, county (billing_suburb), locality id, postal code prefix] */
export const LOCALITIES: readonly (readonly [string, string, number, string])[] = [
  ["București, Sector 1", "București", 8801, "011"], ["București, Sector 2", "București", 8802, "021"],
  ["București, Sector 3", "București", 8803, "031"], ["București, Sector 4", "București", 8804, "041"],
  ["București, Sector 5", "București", 8805, "051"], ["București, Sector 6", "București", 8806, "061"],
  ["Cluj-Napoca", "Cluj", 4457, "400"], ["Iași", "Iași", 6520, "700"], ["Timișoara", "Timiș", 9823, "300"],
  ["Constanța", "Constanța", 3398, "900"], ["Craiova", "Dolj", 4012, "200"], ["Brașov", "Brașov", 1934, "500"],
  ["Galați", "Galați", 5101, "800"], ["Ploiești", "Prahova", 7877, "100"], ["Oradea", "Bihor", 1011, "410"],
  ["Brăila", "Brăila", 2214, "810"], ["Arad", "Arad", 388, "310"], ["Pitești", "Argeș", 655, "110"],
  ["Sibiu", "Sibiu", 8602, "550"], ["Bacău", "Bacău", 713, "600"], ["Târgu Mureș", "Mureș", 7001, "540"],
  ["Baia Mare", "Maramureș", 6703, "430"], ["Buzău", "Buzău", 2501, "120"], ["Botoșani", "Botoșani", 1740, "710"],
  ["Satu Mare", "Satu Mare", 8311, "440"], ["Râmnicu Vâlcea", "Vâlcea", 9401, "240"], ["Suceava", "Suceava", 8905, "720"],
  ["Piatra Neamț", "Neamț", 7210, "610"], ["Focșani", "Vrancea", 9905, "620"], ["Târgoviște", "Dâmbovița", 3701, "130"],
  ["Alba Iulia", "Alba", 101, "510"], ["Deva", "Hunedoara", 6011, "330"], ["Voluntari", "Ilfov", 6301, "077"],
  ["Otopeni", "Ilfov", 6322, "075"], ["Mioveni", "Argeș", 690, "115"], ["Sfântu Gheorghe", "Covasna", 3550, "520"],
];

export const STREETS = [
  "Str. Mihai Eminescu", "Bd. Unirii", "Calea Victoriei", "Str. Republicii", "Aleea Trandafirilor",
  "Șos. Pantelimon", "Str. Avram Iancu", "Str. Ștefan cel Mare", "Bd. Independenței", "Str. Libertății",
  "Str. Florilor", "Str. Lalelelor", "Calea Moșilor", "Bd. Decebal", "Str. Horea", "Str. Mărășești",
] as const;

/** [payment_mode_id, payment_mode, detailed_payment_method, weight] */
export const PAYMENT_MODES: readonly (readonly [number, string, string, number])[] = [
  [1, "RAMBURS", "RAMBURS", 55],
  [3, "CARD_ONLINE", "Card online", 38],
  [3, "CARD_ONLINE", "eCREDIT", 3],
  [2, "OP", "Ordin de plată", 4],
];

export const CANCEL_REASONS: readonly (readonly [number, string])[] = [
  [1, "Lipsă stoc"],
  [2, "Anulată de client"],
  [3, "Clientul nu poate fi contactat"],
  [18, "Client - a găsit o ofertă mai bună în altă parte"],
  [24, "La solicitarea clientului"],
];

export const COURIERS = ["Sameday", "FAN Courier", "Cargus"] as const;
