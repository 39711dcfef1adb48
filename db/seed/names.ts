// Invented people for the demo city. Any resemblance to real people is accidental.
import type { Rng } from "./rng";

const FIRST = [
  "Maria", "James", "Aisha", "Daniel", "Priya", "Marcus", "Elena", "Kevin", "Grace", "Luis", "Hannah", "Omar",
  "Sofia", "Trevor", "Mei", "Andre", "Rachel", "Victor", "Keiko", "Darnell", "Laura", "Samuel", "Fatima", "Brandon",
  "Yolanda", "Ethan", "Nadia", "Carlos", "Tamika", "Gregory", "Lucia", "Anthony", "Rosa", "Jamal", "Erin", "Hector",
  "Diana", "Raymond", "Ngozi", "Peter", "Alicia", "Tomas", "Monique", "Kenji", "Brenda", "Isaac", "Leticia", "Wesley",
  "Farah", "Colin", "Imani", "Russell", "Bianca", "Arturo", "Megan", "Dev", "Carmen", "Julian", "Renee", "Malik",
] as const;

const LAST = [
  "Alvarez", "Bennett", "Okafor", "Nguyen", "Patel", "Hollis", "Ramirez", "Whitaker", "Kim", "Delgado", "Brooks",
  "Haddad", "Moreno", "Castillo", "Fischer", "Tanaka", "Washington", "Lindqvist", "Oduya", "Mendoza", "Price",
  "Sandoval", "Chen", "Harper", "Ibarra", "Kowalski", "Reyes", "Abernathy", "Yusuf", "Dunmore", "Ortega", "Pruitt",
  "Serrano", "Vance", "Lozano", "Marsh", "Quintero", "Ellison", "Baptiste", "Rowland", "Estrada", "Calloway", "Soto",
  "Gallagher", "Mwangi", "Thornton", "Villanueva", "Ashford", "Pham", "Crowley",
] as const;

/** Distinct invented full names, in a deterministic order for this rng. */
export function nameFactory(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export const BUSINESSES = [
  "Harbor Market Grocery", "Lakemont Gas & Go", "Sunridge Pharmacy", "Old Town Liquor", "Marina Boat Supply",
  "Eastview Laundromat", "Westwood Hardware", "Civic Center Parking LLC", "Northgate Plaza Management", "Pier Road Cafe",
  "Lakemont Credit Union", "Grant Avenue Auto Body",
] as const;

export const NS_STREETS = ["Pacific Ave", "Grant Ave", "Main St", "Lakeview Blvd", "Harbor Dr", "Oak St", "Marina Way", "Ocean Ave"] as const;
export const EW_STREETS = ["1st St", "2nd St", "3rd St", "4th St", "5th St", "6th St", "Pier Rd", "Sunridge Rd", "Northgate Blvd", "Cedar St"] as const;
export const BUILDINGS = [
  "City Hall", "Public Library", "Lakemont Transit Center", "Community Center", "Civic Center Garage", "Marina Pier",
  "Westwood Park Playground", "Old Town Plaza", "Sheriff's Station lobby", "Senior Center", "Harbor Heights Rec Center",
  "Sunridge Shopping Center",
] as const;
