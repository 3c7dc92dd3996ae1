import bcrypt from "bcryptjs";

const COST = 10;

export const hashPassword = (plain: string) => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

// A real hash to compare against when the user does not exist, so timing does not reveal accounts.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.lQ4Ue5s2cKZ0gJ8DqmQO6gqFKnIS";
export const burnPasswordCheck = (plain: string) => bcrypt.compare(plain, DUMMY_HASH);
