"""Reports built from the analysis: the JSON report now, the doctor-visit summary later."""
