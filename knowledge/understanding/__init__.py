"""Understanding: a message read into a `Query` (reader), ranked against the index of what
the store holds (index), and the rules that decide whether to answer (decide). It builds no
answers."""
