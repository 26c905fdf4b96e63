import st from "edgelit";

// The docs' st.connection example, line by line. The app's secrets name its D1 database:
//   [connections.pets_db]
//   binding = "DB"
export default async function app() {
  st.title("Pet owners");

  // Create the SQL connection to pets_db as specified in the app's secrets.
  const conn = st.connection("pets_db", { type: "sql" });

  // Insert some data with conn.session: the statements run together at commit().
  const s = conn.session;
  s.execute("CREATE TABLE IF NOT EXISTS pet_owners (person TEXT, pet TEXT);");
  s.execute("DELETE FROM pet_owners;");
  const pet_owners = { jerry: "fish", barbara: "cat", alex: "puppy" };
  for (const [owner, pet] of Object.entries(pet_owners)) {
    s.execute("INSERT INTO pet_owners (person, pet) VALUES (:owner, :pet);", { owner, pet });
  }
  await s.commit();

  // Query and display the data you inserted.
  const rows = await conn.query("select * from pet_owners");
  st.table(rows);

  // A query with a bound parameter, cached for an hour.
  const owner = st.selectbox("Whose pet?", Object.keys(pet_owners));
  const theirs = await conn.query("SELECT pet FROM pet_owners WHERE person = :owner", { params: { owner }, ttl: 3600 });
  st.write(`${owner}'s pet: ${String(theirs[0]?.pet ?? "none")}`);
}
