## Measurements: weight, blood pressure, blood sugar, waist. We record the person's
## own numbers; we never say what they mean medically.

# WEIGHT without a readable weight. $reason as in the re-asks.
# segments: 1
measure-weight-how =
    { $reason ->
        [missing_unit] Was that kg, stone or pounds? Try WEIGHT 84 kg or WEIGHT 13st 4lb.
       *[other] Text WEIGHT and your weight, like WEIGHT 84.2 or WEIGHT 13st 4lb.
    }

# A weight was saved, in kg.
# $value: 5 gsm chars
# segments: 1
measure-weight-saved = Thanks, we have saved your weight: { $value } kg.

# WEIGHT 13.4st: most people who write that mean 13 st 4 lb, so we ask. $written is
# what they wrote ("13.4"); $kg is that many stone in kg.
# $stones: 2 digits
# $pounds: 2 digits
# $written: 5 gsm chars
# $kg: 5 gsm chars
# segments: 1
measure-weight-stone = Did you mean { $stones } st { $pounds } lb? Reply WEIGHT { $stones }st { $pounds }lb. If you meant { $written } stone, reply WEIGHT { $kg }kg.

# BP without a readable reading.
# segments: 1
measure-bp-how =
    { $reason ->
        [out_of_range] That reading looks unusual. Could you check it? Like BP 128/82.
       *[other] Text BP and your reading, top number first, like BP 128/82.
    }

# A blood pressure was saved.
# $systolic: 3 gsm chars
# $diastolic: 3 gsm chars
# segments: 1
measure-bp-saved = Thanks, we have saved your blood pressure: { $systolic }/{ $diastolic }.

# SUGAR without a readable number.
# segments: 1
measure-glucose-how = Text SUGAR and your blood sugar reading, like SUGAR 6.1 (mmol/L).

# A blood sugar reading was saved.
# $value: 5 gsm chars
# segments: 1
measure-glucose-saved = Thanks, we have saved your blood sugar: { $value } mmol/L.

# WAIST without a readable measurement.
# segments: 1
measure-waist-how =
    { $reason ->
        [missing_unit] Was that cm or inches? Try WAIST 90cm or WAIST 36in.
       *[other] Text WAIST and your measurement, like WAIST 90cm or WAIST 36in.
    }

# A waist measurement was saved, in cm.
# $value: 5 gsm chars
# segments: 1
measure-waist-saved = Thanks, we have saved your waist: { $value } cm.

# The monitoring calendar asks for a weigh-in (weekly for 6 weeks after a medicine change).
# segments: 1
weigh-in-ask = It is weigh-in day. If you can, reply with your weight, like 84 kg or 13st 4lb. SKIP is fine.

# After a weigh-in answer.
# segments: 1
weigh-in-thanks = Thank you. Keeping an eye on it after a medicine change really helps.
