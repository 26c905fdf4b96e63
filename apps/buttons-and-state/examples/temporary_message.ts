import st from "edgelit";

export default function app() {
  const animal_shelter = ["cat", "dog", "rabbit", "bird"];

  const animal = st.text_input("Type an animal");

  if (st.button("Check availability")) {
    const have_it = animal_shelter.includes(animal.toLowerCase());
    st.write(have_it ? "We have that animal!" : "We don't have that animal.");
  }
}
