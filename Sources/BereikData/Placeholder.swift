public enum BereikDataPlaceholder {}
