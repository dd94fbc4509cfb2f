namespace Jat.Environments.MetaWorld.Sawyer;

/// <summary>scipy 1.10's <c>Rotation.from_matrix(m).as_quat()</c>: the largest of the diagonal and the trace picks the formula.</summary>
internal static class Rotations
{
    /// <summary>The quaternion (x, y, z, w) of a row-major 3×3 rotation matrix.</summary>
    public static void QuaternionOf(ReadOnlySpan<double> m, Span<double> quat)
    {
        var trace = m[0] + m[4] + m[8];
        Span<double> decision = [m[0], m[4], m[8], trace];
        var choice = 0;
        for (var i = 1; i < 4; i++)
        {
            if (decision[i] > decision[choice])
            {
                choice = i;
            }
        }
        if (choice != 3)
        {
            int i = choice, j = (i + 1) % 3, k = (j + 1) % 3;
            quat[i] = 1 - decision[3] + (2 * m[(3 * i) + i]);
            quat[j] = m[(3 * j) + i] + m[(3 * i) + j];
            quat[k] = m[(3 * k) + i] + m[(3 * i) + k];
            quat[3] = m[(3 * k) + j] - m[(3 * j) + k];
        }
        else
        {
            quat[0] = m[7] - m[5];
            quat[1] = m[2] - m[6];
            quat[2] = m[3] - m[1];
            quat[3] = 1 + decision[3];
        }
        var norm = Math.Sqrt((quat[0] * quat[0]) + (quat[1] * quat[1]) + (quat[2] * quat[2]) + (quat[3] * quat[3]));
        for (var i = 0; i < 4; i++)
        {
            quat[i] /= norm;
        }
    }
}
