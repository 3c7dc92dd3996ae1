// Romanian customers and places for simulated orders. Locality ids are simulator-made but stable.

// Names are listed most common first: buyers pick them with rank weights, so "Andrei Popescu"
// turns up for several different people while rarer names stay unique (identity is never by name).
export const MALE_NAMES = [
  "Andrei", "Alexandru", "Mihai", "Ion", "Gheorghe", "Cristian", "Florin", "Ionuț", "Adrian", "Bogdan",
  "Răzvan", "Vlad", "Ștefan", "Radu", "Marius", "Daniel", "Cătălin", "Dragoș", "Sorin", "Paul",
  "George", "Nicolae", "Constantin", "Vasile", "Lucian", "Ovidiu", "Cosmin", "Tudor", "Emil", "Horia",
  "Sergiu", "Octavian", "Liviu", "Laurențiu", "Claudiu", "Silviu", "Victor", "Matei", "Darius", "Teodor",
] as const;

export const FEMALE_NAMES = [
  "Maria", "Elena", "Ioana", "Ana", "Andreea", "Alexandra", "Cristina", "Mihaela", "Gabriela", "Irina",
  "Roxana", "Larisa", "Diana", "Alina", "Simona", "Raluca", "Oana", "Bianca", "Carmen", "Ramona",
  "Adriana", "Georgiana", "Daniela", "Florentina", "Monica", "Camelia", "Laura", "Corina", "Anca", "Denisa",
  "Iulia", "Teodora", "Sabina", "Loredana", "Nicoleta", "Luminița", "Veronica", "Delia", "Ilinca", "Sorina",
] as const;

export const LAST_NAMES = [
  "Popescu", "Ionescu", "Popa", "Pop", "Radu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Matei",
  "Ciobanu", "Rusu", "Munteanu", "Constantin", "Marin", "Florea", "Dinu", "Tudor", "Barbu", "Nistor",
  "Ene", "Lungu", "Toma", "Moldovan", "Dobre", "Mocanu", "Ilie", "Stănescu", "Sârbu", "Oprea",
  "Neagu", "Diaconu", "Cristea", "Mihai", "Dragomir", "Vasile", "Preda", "Anghel", "Iordache", "Manole",
  "Voicu", "Bălan", "Coman", "Nedelcu", "Zamfir", "Pavel", "Avram", "Ursu", "Lazăr", "Sandu",
  "Grigore", "Dumitrescu", "Enache", "Niculescu", "Pană", "Crăciun", "Filip", "Roman", "Mitrea", "Bogdan",
  "Surdu", "Cazacu", "Olteanu", "Tănase", "Costache", "Vlad", "Andrei", "Drăgan", "Petcu", "Chiriac",
  "Hodorogea", "Zăvoianu", "Brătianu", "Vlădescu", "Isopescu", "Tătaru", "Băcanu", "Cârstea", "Goga", "Zaharia",
] as const;

/** Rarer surnames, built as root + "escu" / "eanu" (Petrescu, Lupeanu); drawn with flat weights. */
export const SURNAME_ROOTS = [
  "Alex", "Andron", "Bădul", "Bălt", "Bârz", "Bucur", "Buz", "Călin", "Cărbun", "Cern",
  "Ciucul", "Codr", "Corn", "Croit", "Dăn", "Dimitri", "Dobr", "Drăgul", "Fil", "Frunz",
  "Georg", "Grigor", "Hagi", "Ior", "Lup", "Mănăst", "Marin", "Mărgin", "Mircul", "Moț",
  "Năstas", "Neacș", "Nicol", "Pârv", "Pătr", "Petr", "Răduc", "Roșc", "Săl", "Serb",
  "Șerban", "Sim", "Soc", "Stoian", "Tăn", "Teod", "Tom", "Trandafir", "Vărz", "Vlăd",
  "Zamfir", "Zlăt", "Ardel", "Brâncov", "Ciuc", "Găl", "Măcel", "Ploi", "Urs", "Vânăt",
] as const;

/** Company names are built as `${prefix} ${trade} ${form}`; the CUI, not the name, identifies one. */
export const COMPANY_PREFIXES = [
  "Alfa", "Tehno", "Verde", "Nord", "Carpați", "Delta", "Arhitext", "Medicor", "Dacia", "Orizont",
  "Prima", "Agora", "Atlas", "Sigma", "Vector", "Crystal", "Danubius", "Transilvania", "Meridian", "Optim",
  "Bucovina", "Argeș", "Pontica", "Mureș", "Olt", "Siret", "Retezat", "Ceahlău", "Bega", "Someș",
] as const;
export const COMPANY_TRADES = [
  "Distribuție", "Construct", "Agro", "Logistic", "Trade", "Instal", "Design", "Clinic", "Consulting",
  "Impex", "Service", "Med", "Soft", "Auto", "Grup", "Business",
] as const;
export const COMPANY_FORMS = ["SRL", "SRL", "SRL", "SRL", "SA", "SRL-D"] as const;
export const BANKS = [["Banca Transilvania", "BTRL"], ["BCR", "RNCB"], ["ING Bank", "INGB"], ["BRD", "BRDE"], ["Raiffeisen Bank", "RZBR"]] as const;

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

/** Reasons for a cancel before shipping (contract §6.3 codes). */
export const CANCEL_REASONS: readonly (readonly [number, string])[] = [
  [1, "Lipsă stoc"],
  [2, "Anulată de client"],
  [3, "Clientul nu poate fi contactat"],
  [18, "Client - a găsit o ofertă mai bună în altă parte"],
  [24, "La solicitarea clientului"],
];

/** Reasons for a cash-on-delivery parcel the buyer refused or never picked up (cancelled after shipping). */
export const REFUSAL_REASONS: readonly (readonly [number, string])[] = [
  [25, "Livrare eșuată"],
  [20, "Nelivrată (curier)"],
  [3, "Clientul nu poate fi contactat"],
];

export const COURIERS = ["Sameday", "FAN Courier", "Cargus"] as const;
