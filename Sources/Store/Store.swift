// Placeholder: the Store module is built by the dataset issue.
public enum StorePlaceholder {}
