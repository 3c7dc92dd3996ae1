// Romanian catalogue vocabulary for simulated offers: categories with product nouns, brands,
// name attributes and plausible ex-VAT price ranges in RON.

export type CategorySeed = {
  id: number;
  name: string;
  parent_id: number;
  noun: string;
  brands: readonly string[];
  attrs: readonly (readonly string[])[];
  price: readonly [number, number];
  vat_id: number;
};

const COLORS = ["Negru", "Alb", "Argintiu", "Albastru", "Gri", "Roșu", "Verde", "Auriu"] as const;

export const CATEGORIES: readonly CategorySeed[] = [
  { id: 5, name: "Telefoane mobile", parent_id: 1001, noun: "Telefon mobil", brands: ["Samsung", "Apple", "Xiaomi", "Motorola", "Nokia", "OnePlus"], attrs: [["Dual SIM"], ["64GB", "128GB", "256GB", "512GB"], ["4GB RAM", "6GB RAM", "8GB RAM", "12GB RAM"], ["4G", "5G"], COLORS], price: [450, 6200], vat_id: 9 },
  { id: 12, name: "Laptopuri", parent_id: 1002, noun: "Laptop", brands: ["Lenovo", "ASUS", "HP", "Dell", "Acer", "Apple"], attrs: [['14"', '15.6"', '16"'], ["Intel Core i5", "Intel Core i7", "AMD Ryzen 5", "AMD Ryzen 7"], ["8GB", "16GB", "32GB"], ["SSD 512GB", "SSD 1TB"], ["Windows 11 Home", "Fără sistem de operare"]], price: [1700, 9800], vat_id: 9 },
  { id: 27, name: "Căști audio", parent_id: 1003, noun: "Căști audio", brands: ["Sony", "JBL", "Sennheiser", "Apple", "Huawei", "Bose"], attrs: [["In-Ear", "Over-Ear", "On-Ear"], ["Wireless", "Bluetooth 5.3", "Cu fir"], ["Noise Cancelling", "Microfon integrat"], COLORS], price: [60, 1800], vat_id: 9 },
  { id: 31, name: "Televizoare", parent_id: 1003, noun: "Televizor", brands: ["Samsung", "LG", "Philips", "Sony", "TCL", "Hisense"], attrs: [["QLED", "OLED", "LED"], ["Smart TV"], ["108 cm", "139 cm", "164 cm", "189 cm"], ["4K Ultra HD", "Full HD"], ["Clasa G", "Clasa F", "Clasa E"]], price: [750, 11000], vat_id: 9 },
  { id: 44, name: "Frigidere", parent_id: 1004, noun: "Frigider", brands: ["Arctic", "Beko", "Samsung", "Bosch", "Whirlpool", "Gorenje"], attrs: [["cu două uși", "Side by Side", "cu o ușă"], ["No Frost", "Total No Frost", "Low Frost"], ["300 l", "360 l", "450 l", "530 l"], ["Clasa E", "Clasa D", "Clasa C"], ["Inox", "Alb", "Negru"]], price: [1100, 7800], vat_id: 9 },
  { id: 46, name: "Mașini de spălat rufe", parent_id: 1004, noun: "Mașină de spălat rufe", brands: ["Bosch", "Samsung", "Whirlpool", "Arctic", "Electrolux", "LG"], attrs: [["7 kg", "8 kg", "9 kg", "10 kg"], ["1200 RPM", "1400 RPM"], ["Clasa A", "Clasa B"], ["Motor Inverter", "Funcție abur"], ["Alb"]], price: [1100, 4500], vat_id: 9 },
  { id: 53, name: "Aspiratoare", parent_id: 1004, noun: "Aspirator", brands: ["Rowenta", "Philips", "Dyson", "Samsung", "Bosch", "Xiaomi"], attrs: [["fără sac", "cu sac", "vertical", "robot"], ["700 W", "900 W", "Acumulator"], ["Filtru HEPA", "Perie turbo"], COLORS], price: [160, 3200], vat_id: 9 },
  { id: 58, name: "Espressoare", parent_id: 1004, noun: "Espressor", brands: ["De'Longhi", "Philips", "Krups", "Sage", "Nivona"], attrs: [["automat", "manual", "cu capsule"], ["15 bar", "19 bar"], ["Râșniță integrată", "Spumare lapte"], ["Negru", "Argintiu"]], price: [300, 5200], vat_id: 9 },
  { id: 64, name: "Friteuze cu aer cald", parent_id: 1004, noun: "Friteuză cu aer cald", brands: ["Philips", "Tefal", "Ninja", "Cosori", "Heinner"], attrs: [["3.5 l", "5.5 l", "7.6 l", "9 l"], ["1500 W", "1700 W", "2400 W"], ["8 programe", "Dual Zone"], ["Negru", "Gri"]], price: [180, 1300], vat_id: 9 },
  { id: 71, name: "Boxe portabile", parent_id: 1003, noun: "Boxă portabilă", brands: ["JBL", "Sony", "Marshall", "Bose", "Anker"], attrs: [["Bluetooth"], ["20 W", "30 W", "40 W"], ["Rezistență la apă IP67", "Autonomie 20 ore"], COLORS], price: [120, 2200], vat_id: 9 },
  { id: 77, name: "Tablete", parent_id: 1002, noun: "Tabletă", brands: ["Samsung", "Apple", "Lenovo", "Xiaomi", "Huawei"], attrs: [['10.1"', '11"', '12.4"'], ["64GB", "128GB", "256GB"], ["Wi-Fi", "4G"], ["Gri", "Argintiu"]], price: [500, 6500], vat_id: 9 },
  { id: 83, name: "Monitoare", parent_id: 1002, noun: "Monitor", brands: ["Dell", "LG", "Samsung", "AOC", "ASUS"], attrs: [['24"', '27"', '32"', '34"'], ["IPS", "VA", "OLED"], ["Full HD", "QHD", "4K"], ["75 Hz", "144 Hz", "165 Hz"]], price: [400, 4800], vat_id: 9 },
  { id: 90, name: "Ceasuri smartwatch", parent_id: 1001, noun: "Smartwatch", brands: ["Samsung", "Apple", "Huawei", "Garmin", "Amazfit"], attrs: [["40 mm", "44 mm", "46 mm"], ["GPS", "LTE"], ["Brățară silicon", "Brățară metalică"], COLORS], price: [250, 4200], vat_id: 9 },
  { id: 102, name: "Periuțe de dinți electrice", parent_id: 1005, noun: "Periuță de dinți electrică", brands: ["Oral-B", "Philips Sonicare", "Xiaomi"], attrs: [["Pro 3", "iO 5", "Vitality"], ["2 capete", "3 moduri"], ["Alb", "Negru", "Roz"]], price: [90, 1300], vat_id: 9 },
  { id: 118, name: "Jucării de construcție", parent_id: 1006, noun: "Set de construcție", brands: ["LEGO", "Clementoni", "Cobi", "Mega Bloks"], attrs: [["Technic", "City", "Friends", "Classic"], ["250 piese", "500 piese", "1000 piese"], ["6+ ani", "9+ ani", "12+ ani"]], price: [40, 1900], vat_id: 9 },
  { id: 124, name: "Trotinete electrice", parent_id: 1007, noun: "Trotinetă electrică", brands: ["Xiaomi", "Segway-Ninebot", "Kaabo", "Ducati"], attrs: [["350 W", "500 W"], ["25 km/h"], ["Autonomie 30 km", "Autonomie 45 km"], ["Negru", "Gri"]], price: [1200, 4800], vat_id: 9 },
  { id: 131, name: "Saltele", parent_id: 1008, noun: "Saltea", brands: ["Dormeo", "Somnart", "Nova Lux", "iSleep"], attrs: [["140x200 cm", "160x200 cm", "180x200 cm"], ["Memory Foam", "Arcuri independente"], ["Fermitate medie", "Fermitate ridicată"]], price: [450, 3600], vat_id: 9 },
  { id: 137, name: "Oale și cratițe", parent_id: 1008, noun: "Set oale", brands: ["Tefal", "Berlinger Haus", "Zokura", "Heinner"], attrs: [["6 piese", "10 piese", "12 piese"], ["inox", "ceramică", "granit"], ["Inducție"]], price: [120, 1500], vat_id: 9 },
  { id: 145, name: "Hrană uscată pentru câini", parent_id: 1009, noun: "Hrană uscată pentru câini", brands: ["Royal Canin", "Purina Pro Plan", "Brit", "Acana"], attrs: [["Adult", "Junior", "Senior"], ["talie medie", "talie mare", "talie mică"], ["3 kg", "12 kg", "15 kg"]], price: [60, 620], vat_id: 2 },
  { id: 152, name: "Bormașini", parent_id: 1010, noun: "Bormașină", brands: ["Bosch", "Makita", "DeWalt", "Einhell", "Stanley"], attrs: [["cu percutie", "fără fir", "rotopercutor"], ["18 V", "750 W", "1100 W"], ["2 acumulatori", "Cutie transport"]], price: [180, 2400], vat_id: 9 },
  { id: 160, name: "Cărți", parent_id: 1011, noun: "Carte", brands: ["Humanitas", "Polirom", "Litera", "Nemira", "Art"], attrs: [["Ediția a II-a", "Ediție cartonată", "Ediție de buzunar"], ["Roman", "Biografie", "Istorie", "Dezvoltare personală"]], price: [25, 180], vat_id: 2 },
];

export const ROOT_CATEGORIES: readonly { id: number; name: string }[] = [
  { id: 1001, name: "Telefoane și accesorii" },
  { id: 1002, name: "Laptopuri și IT" },
  { id: 1003, name: "TV, audio-video și foto" },
  { id: 1004, name: "Electrocasnice" },
  { id: 1005, name: "Îngrijire personală" },
  { id: 1006, name: "Jucării" },
  { id: 1007, name: "Sport și activități în aer liber" },
  { id: 1008, name: "Casă și grădină" },
  { id: 1009, name: "Pet shop" },
  { id: 1010, name: "Bricolaj" },
  { id: 1011, name: "Cărți" },
];

export const VALIDATION_STATUS: Readonly<Record<number, string>> = {
  0: "Draft",
  1: "În așteptarea validării marketplace",
  3: "În așteptarea validării EAN",
  4: "În așteptarea validării documentației",
  8: "Documentație respinsă",
  9: "Documentație aprobată",
  10: "Blocat",
  11: "Actualizare în așteptarea aprobării",
  12: "Actualizare respinsă",
};
