public enum BereikReportPlaceholder {}
