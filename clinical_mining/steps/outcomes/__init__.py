"""What trials posted and why they stopped: result groups matched to arms (`arms`), each drug's role (`roles`),
efficacy verdicts (`efficacy`, with `statistics` and `direction`), adverse events per arm and pooled (`safety`,
`signals`), stop reasons (`stop_reasons`) and repurposing candidates (`repurposing`)."""
